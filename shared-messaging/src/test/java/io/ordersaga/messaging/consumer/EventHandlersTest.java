package io.ordersaga.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ordersaga.events.common.Money;
import io.ordersaga.events.order.OrderCancelled;
import io.ordersaga.events.order.OrderPlaced;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;

class EventHandlersTest {

    static class Inventory {
        final List<Object> received = new ArrayList<>();

        @EventHandler
        void on(OrderPlaced event) {
            received.add(event);
        }

        @EventHandler
        void on(OrderCancelled event) {
            received.add(event);
        }

        void notAHandler(OrderPlaced event) {}
    }

    static class SecondOrderPlacedHandler {
        @EventHandler
        void on(OrderPlaced event) {}
    }

    static class TwoParameters {
        @EventHandler
        void on(OrderPlaced event, UUID extra) {}
    }

    static class NotAnEvent {
        @EventHandler
        void on(Money money) {}
    }

    static class ReturnsSomething {
        @EventHandler
        boolean on(OrderPlaced event) {
            return true;
        }
    }

    @Test
    void findsEveryAnnotatedMethodByTheEventTypeItTakes() {
        var beans = beans(Inventory.class);

        EventHandlers handlers = EventHandlers.discover(beans);

        assertThat(handlers.eventTypes()).containsExactlyInAnyOrder(OrderPlaced.class, OrderCancelled.class);
        assertThat(handlers.forEvent(OrderPlaced.class)).get().satisfies(handler -> assertThat(handler.bean())
                .isSameAs(beans.getBean(Inventory.class)));
    }

    @Test
    void invokesAPackagePrivateHandlerWithTheEvent() {
        var beans = beans(Inventory.class);
        var event = new OrderPlaced();

        EventHandlers.discover(beans).forEvent(OrderPlaced.class).orElseThrow().invoke(event);

        assertThat(beans.getBean(Inventory.class).received).containsExactly(event);
    }

    @Test
    void refusesTwoHandlersForOneEventType() {
        assertThatThrownBy(() -> EventHandlers.discover(beans(Inventory.class, SecondOrderPlacedHandler.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Two @EventHandler methods for OrderPlaced");
    }

    @Test
    void refusesMethodsThatCannotBeHandlers() {
        assertThatThrownBy(() -> EventHandlers.discover(beans(TwoParameters.class)))
                .hasMessageContaining("exactly one parameter");
        assertThatThrownBy(() -> EventHandlers.discover(beans(NotAnEvent.class)))
                .hasMessageContaining("not a saga event");
        assertThatThrownBy(() -> EventHandlers.discover(beans(ReturnsSomething.class)))
                .hasMessageContaining("must return void");
    }

    @Test
    void passesAHandlersOwnExceptionThroughUnwrapped() {
        class Failing {
            @EventHandler
            void on(OrderPlaced event) {
                throw new InvalidEventException("no");
            }
        }
        var beans = new DefaultListableBeanFactory();
        beans.registerSingleton("failing", new Failing());

        var handler = EventHandlers.discover(beans).forEvent(OrderPlaced.class).orElseThrow();

        assertThatThrownBy(() -> handler.invoke(new OrderPlaced())).isExactlyInstanceOf(InvalidEventException.class);
    }

    private static DefaultListableBeanFactory beans(Class<?>... types) {
        var beans = new DefaultListableBeanFactory();
        for (Class<?> type : types) {
            beans.registerBeanDefinition(type.getSimpleName(), new RootBeanDefinition(type));
        }
        beans.preInstantiateSingletons();
        return beans;
    }
}
