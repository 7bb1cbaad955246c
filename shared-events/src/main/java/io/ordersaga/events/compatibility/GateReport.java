package io.ordersaga.events.compatibility;

import java.util.List;

/** What the gate found for each event schema, and the text it prints. */
record GateReport(List<Finding> findings) {

    enum Status {
        /** Compatible in both directions with every kept version. */
        COMPATIBLE,
        /** No version kept yet: nothing to break, released with the next snapshot. */
        NEW,
        /** Breaks at least one kept version. */
        INCOMPATIBLE,
        /** Versions kept, but no current schema: the event is no longer published. */
        RETIRED
    }

    enum Direction {
        BACKWARD("the current schema cannot read data written with v%d"),
        FORWARD("consumers built with v%d cannot read data written with the current schema");

        private final String meaning;

        Direction(String meaning) {
            this.meaning = meaning;
        }

        String meaning(int version) {
            return meaning.formatted(version);
        }
    }

    /** One incompatibility, as reported by Avro's SchemaCompatibility; {@code location} points into the reader. */
    record Breach(int version, Direction direction, String type, String location, String message) {}

    /** {@code unreleased}: the current schema differs from the latest kept version (compatibly or not). */
    record Finding(String schemaName, Status status, int keptVersions, boolean unreleased, List<Breach> breaches) {}

    GateReport {
        findings = List.copyOf(findings);
    }

    boolean passed() {
        return findings.stream().noneMatch(finding -> finding.status() == Status.INCOMPATIBLE);
    }

    List<Breach> breachesOf(String schemaName) {
        return findings.stream()
                .filter(finding -> finding.schemaName().equals(schemaName))
                .flatMap(finding -> finding.breaches().stream())
                .toList();
    }

    Status statusOf(String schemaName) {
        return findings.stream()
                .filter(finding -> finding.schemaName().equals(schemaName))
                .map(Finding::status)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No finding for " + schemaName));
    }

    String render() {
        StringBuilder text = new StringBuilder();
        for (Finding finding : findings) {
            String name = finding.schemaName();
            switch (finding.status()) {
                case COMPATIBLE ->
                    text.append("  ok       %s: compatible both ways with %s%s%n"
                            .formatted(name, versionRange(finding.keptVersions()), pendingRelease(finding)));
                case NEW ->
                    text.append("  new      %s: no released version yet; release it with -Prelease-schemas%n"
                            .formatted(name));
                case RETIRED ->
                    text.append("  retired  %s: %s kept, but no current schema publishes it%n"
                            .formatted(name, versionRange(finding.keptVersions())));
                case INCOMPATIBLE -> {
                    for (Breach breach : finding.breaches()) {
                        String reader = breach.direction() == Direction.BACKWARD ? "current" : "v" + breach.version();
                        text.append("  BREAKS   %s v%d (%s): %s: %s at %s in the %s schema%n"
                                .formatted(
                                        name,
                                        breach.version(),
                                        breach.direction(),
                                        breach.direction().meaning(breach.version()),
                                        breach.type(),
                                        breach.location(),
                                        reader));
                        text.append("           %s%n".formatted(breach.message()));
                    }
                }
            }
        }
        long broken = findings.stream()
                .filter(finding -> finding.status() == Status.INCOMPATIBLE)
                .count();
        if (broken == 0) {
            text.append("Result: PASSED (%d event schemas)%n".formatted(findings.size()));
        } else {
            text.append("Result: FAILED: %d event schema(s) break FULL_TRANSITIVE compatibility. Make the change"
                            .formatted(broken))
                    .append(" additive (new fields need a default; never change a type or remove a field")
                    .append(" without a default), or publish a new event type.%n".formatted());
        }
        return text.toString();
    }

    private static String pendingRelease(Finding finding) {
        return finding.unreleased()
                ? "; changed since v%d, release it with -Prelease-schemas".formatted(finding.keptVersions())
                : "";
    }

    private static String versionRange(int versions) {
        return versions == 1 ? "v1" : "v1..v" + versions;
    }
}
