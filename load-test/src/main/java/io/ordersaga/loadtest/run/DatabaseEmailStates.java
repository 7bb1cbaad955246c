package io.ordersaga.loadtest.run;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The e-mails as notification-service's own database has them (its {@code notifications} table), read-only. */
public final class DatabaseEmailStates implements EmailStates {

    private final ServiceDatabase database;

    public DatabaseEmailStates(String jdbcUrl, String username, String password) {
        this.database = new ServiceDatabase(jdbcUrl, username, password);
    }

    @Override
    public Map<UUID, List<Email>> find(Collection<UUID> orderIds) {
        var found = new HashMap<UUID, List<Email>>();
        database.forEachRow(
                "select order_id, kind, status, sent_at from notifications where order_id = any(?)",
                orderIds,
                "the notifications database",
                rows -> {
                    var sent = rows.getTimestamp("sent_at");
                    found.computeIfAbsent(rows.getObject("order_id", UUID.class), id -> new ArrayList<>())
                            .add(new Email(
                                    rows.getString("kind"),
                                    rows.getString("status"),
                                    sent == null ? null : sent.toInstant()));
                });
        return found;
    }
}
