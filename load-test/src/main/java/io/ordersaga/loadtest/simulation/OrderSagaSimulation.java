package io.ordersaga.loadtest.simulation;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Customers placing orders at a constant arrival rate (an open model: a slow answer does not slow the
 * arrivals down, as with real customers). Each virtual user places one order built for its
 * {@link Outcome}; a customer-cancel user then cancels it at once. Every attempt, answered or not, is
 * written to {@link PlacedOrders} for the checks after the load. Settings: {@link SimulationSettings}.
 */
public class OrderSagaSimulation extends Simulation {

    /** Request names in Gatling's report. */
    public static final String PLACE_ORDER = "place order";

    public static final String CANCEL_ORDER = "cancel order";

    private static final String STARTED_AT = "startedAt";
    private static final String ORDER_ID = "orderId";
    private static final String PLACE_STATUS = "placeStatus";
    private static final String PLACE_MILLIS = "placeMillis";
    private static final String CANCEL_STATUS = "cancelStatus";
    private static final String CANCEL_MILLIS = "cancelMillis";

    private final SimulationSettings settings = SimulationSettings.fromSystemProperties();
    private final PlacedOrders placed = PlacedOrders.create(settings.placedOrders());

    // Not named "http": that would hide the DSL's http(...) in this class.
    private final HttpProtocolBuilder protocol = http.baseUrl(settings.baseUrl())
            .contentTypeHeader("application/json")
            .acceptHeader("application/json")
            // The customers reach the service through one gateway's connection pool, not a new TCP
            // connection each: the load is on the saga, not on connection set-up.
            .shareConnections()
            .disableWarmUp();

    private final ScenarioBuilder customers = scenario("customers placing orders")
            .feed(new OrderFeeder(settings.mix(), settings.seed()))
            .exec(session -> session.set(STARTED_AT, System.currentTimeMillis()))
            .exec(http(PLACE_ORDER)
                    .post("/orders")
                    .body(StringBody(session -> session.getString(OrderFeeder.BODY)))
                    .check(
                            status().saveAs(PLACE_STATUS),
                            responseTimeInMillis().saveAs(PLACE_MILLIS),
                            status().is(202),
                            jsonPath("$.orderId").saveAs(ORDER_ID)))
            .doIf(session -> session.contains(ORDER_ID) && intended(session) == Outcome.CUSTOMER_CANCEL)
            .then(http(CANCEL_ORDER)
                    .post("/orders/#{" + ORDER_ID + "}/cancel")
                    // 409: the shipment was scheduled first and the order stays CONFIRMED, a legitimate race.
                    .check(
                            status().saveAs(CANCEL_STATUS),
                            responseTimeInMillis().saveAs(CANCEL_MILLIS),
                            status().in(200, 409)))
            .exec(session -> {
                placed.record(new PlacedOrders.Attempt(
                        session.contains(ORDER_ID)
                                ? Optional.of(UUID.fromString(session.getString(ORDER_ID)))
                                : Optional.empty(),
                        intended(session),
                        session.getLong(STARTED_AT),
                        intValue(session, PLACE_STATUS),
                        longValue(session, PLACE_MILLIS),
                        intValue(session, CANCEL_STATUS),
                        longValue(session, CANCEL_MILLIS)));
                return session;
            });

    {
        var arrivals = settings.ramps()
                ? rampUsersPerSec(settings.startRate()).to(settings.rate()).during(settings.duration())
                : constantUsersPerSec(settings.rate()).during(settings.duration());
        setUp(customers.injectOpen(arrivals)).protocols(protocol);
    }

    @Override
    public void after() {
        placed.close();
    }

    private static Outcome intended(Session session) {
        return Outcome.valueOf(session.getString(OrderFeeder.OUTCOME));
    }

    private static OptionalInt intValue(Session session, String key) {
        return session.contains(key) ? OptionalInt.of(session.getInt(key)) : OptionalInt.empty();
    }

    private static OptionalLong longValue(Session session, String key) {
        return session.contains(key) ? OptionalLong.of(session.getLong(key)) : OptionalLong.empty();
    }
}
