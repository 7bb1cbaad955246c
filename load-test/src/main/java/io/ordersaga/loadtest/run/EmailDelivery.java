package io.ordersaga.loadtest.run;

/**
 * Whether notification-service kept up with a step's orders: the e-mails their ends call for (a
 * CONFIRMED order two, a CANCELLED one one), and when it sent them, read from its log after the sagas
 * drained ({@link EmailWait}). An e-mail is sent after its order ended, by a service of its own, so a
 * saga's latency does not show a notification backlog; this does.
 *
 * @param measured false when notification-service is not part of a local stack: then only {@code note}
 *     says why
 * @param note why it was not measured; empty when it was
 * @param owed the e-mails the step's ended orders are owed
 * @param sent of them, sent
 * @param failed of them, given up on after the dispatcher's retries
 * @param outstanding of them, neither sent nor given up on when the wait ended: not recorded yet,
 *     HELD or PENDING
 * @param afterOrderEnd per sent e-mail, from its order's end ({@code completed_at}) to its sending
 * @param drainMillis from the last order's placement (the end of the load as the stack saw it) until
 *     the last of them was sent; until the wait gave up when some were outstanding
 */
public record EmailDelivery(
        boolean measured,
        String note,
        long owed,
        long sent,
        long failed,
        long outstanding,
        Percentiles afterOrderEnd,
        long drainMillis) {

    public static EmailDelivery notMeasured(String reason) {
        return new EmailDelivery(false, "not measured (" + reason + ")", 0, 0, 0, 0, Percentiles.NONE, 0);
    }
}
