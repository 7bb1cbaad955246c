package io.ordersaga.infra.harness.testcontainers;

import io.ordersaga.infra.harness.HarnessSettings;
import java.util.Locale;

/** Where the Spring integration tests get their servers from: {@code harness.provider}. */
public enum HarnessProvider {
    /** The harness's own servers, started as processes without Docker (the default). */
    EMBEDDED,
    /** Testcontainers containers; needs a Docker daemon. */
    TESTCONTAINERS;

    public static final String PROPERTY = "harness.provider";

    /** The provider named by {@code -Dharness.provider} or {@code HARNESS_PROVIDER}, EMBEDDED if neither. */
    public static HarnessProvider selected() {
        return parse(HarnessSettings.setting(PROPERTY, "embedded"));
    }

    static HarnessProvider parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "embedded" -> EMBEDDED;
            case "testcontainers" -> TESTCONTAINERS;
            default ->
                throw new IllegalArgumentException(
                        PROPERTY + " must be 'embedded' or 'testcontainers', was '" + value + "'");
        };
    }
}
