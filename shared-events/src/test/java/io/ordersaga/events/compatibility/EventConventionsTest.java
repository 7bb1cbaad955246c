package io.ordersaga.events.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The conventions of docs/events.md that keep the contracts evolvable, checked on the real schemas. */
class EventConventionsTest {

    private final Collection<Schema> events =
            EventSchemas.load(Path.of("src/main/avro")).values();

    @Test
    void everyEventIsAPastTenseRecordWithoutEventSuffix() {
        assertThat(events)
                .extracting(Schema::getName)
                .containsExactlyInAnyOrder(
                        "OrderPlaced",
                        "OrderConfirmed",
                        "OrderCancelled",
                        "InventoryReserved",
                        "InventoryRejected",
                        "InventoryReleased",
                        "PaymentAuthorized",
                        "PaymentFailed",
                        "PaymentRefunded",
                        "ShipmentScheduled",
                        "ShipmentFailed")
                .noneMatch(name -> name.endsWith("Event"));
    }

    @Test
    void everyEnumHasADefaultSymbolSoAddingSymbolsStaysCompatible() {
        assertThat(reachable(Schema.Type.ENUM)).isNotEmpty().allSatisfy(enumSchema -> assertThat(
                        enumSchema.getEnumDefault())
                .as(enumSchema.getFullName())
                .isEqualTo("UNKNOWN"));
    }

    @Test
    void noEventCarriesFloatingPointNumbers() {
        assertThat(reachable(Schema.Type.FLOAT)).isEmpty();
        assertThat(reachable(Schema.Type.DOUBLE)).isEmpty();
    }

    @Test
    void everyRecordAndFieldIsDocumented() {
        assertThat(reachable(Schema.Type.RECORD)).allSatisfy(record -> {
            assertThat(record.getDoc()).as(record.getFullName()).isNotBlank();
            assertThat(record.getFields()).allSatisfy(field -> assertThat(field.doc())
                    .as(record.getFullName() + "." + field.name())
                    .isNotBlank());
        });
    }

    /** Every schema of the given type reachable from any event, each named type once. */
    private List<Schema> reachable(Schema.Type type) {
        List<Schema> found = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        events.forEach(event -> collect(event, type, found, visited));
        return found;
    }

    private static void collect(Schema schema, Schema.Type type, List<Schema> found, Set<String> visited) {
        boolean named =
                switch (schema.getType()) {
                    case RECORD, ENUM, FIXED -> true;
                    default -> false;
                };
        if (named && !visited.add(schema.getFullName())) {
            return;
        }
        if (schema.getType() == type) {
            found.add(schema);
        }
        switch (schema.getType()) {
            case RECORD -> schema.getFields().forEach(field -> collect(field.schema(), type, found, visited));
            case ARRAY -> collect(schema.getElementType(), type, found, visited);
            case MAP -> collect(schema.getValueType(), type, found, visited);
            case UNION -> schema.getTypes().forEach(branch -> collect(branch, type, found, visited));
            default -> {}
        }
    }
}
