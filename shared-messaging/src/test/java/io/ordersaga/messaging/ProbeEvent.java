package io.ordersaga.messaging;

import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * An event type made up at run time, in a namespace of its own, so that its schema (and the
 * registry group it lands in) was never registered before the test that uses it: a test of first
 * registration cannot pass because another test registered the schema earlier.
 */
final class ProbeEvent extends SpecificRecordBase {

    private final Schema schema;
    private Object note;

    private ProbeEvent(Schema schema, String note) {
        this.schema = schema;
        this.note = note;
    }

    /** A schema no registry has seen: {@code io.ordersaga.test.r<random>.<name>}. */
    static Schema freshSchema(String name) {
        return freshSchemaIn(
                "io.ordersaga.test.r" + UUID.randomUUID().toString().replace("-", ""), name);
    }

    static Schema freshSchemaIn(String namespace, String name) {
        return SchemaBuilder.record(name)
                .namespace(namespace)
                .fields()
                .requiredString("note")
                .endRecord();
    }

    static ProbeEvent of(Schema schema, String note) {
        return new ProbeEvent(schema, note);
    }

    @Override
    public Schema getSchema() {
        return schema;
    }

    @Override
    public Object get(int field) {
        if (field != 0) {
            throw new IndexOutOfBoundsException(field);
        }
        return note;
    }

    @Override
    public void put(int field, Object value) {
        if (field != 0) {
            throw new IndexOutOfBoundsException(field);
        }
        note = value;
    }
}
