package io.ordersaga.messaging.consumer;

import io.ordersaga.events.common.EventEnvelope;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/** The dispatch table of a service: event class to the {@link EventHandler} method that handles it. */
final class EventHandlers {

    private final Map<Class<?>, Handler> byEventType;

    EventHandlers(Map<Class<?>, Handler> byEventType) {
        this.byEventType = Map.copyOf(byEventType);
    }

    /** One handler method on one bean. */
    record Handler(Object bean, Method method, Class<?> eventType) {

        /** Runs the method; its own exceptions come out unwrapped, so they are classified as thrown. */
        void invoke(SpecificRecord event) {
            try {
                method.invoke(bean, event);
            } catch (InvocationTargetException e) {
                Throwable thrown = e.getCause();
                if (thrown instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (thrown instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(this + " failed", thrown);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(this + " is not accessible", e);
            }
        }

        @Override
        public String toString() {
            return method.getDeclaringClass().getSimpleName() + "." + method.getName() + "(" + eventType.getSimpleName()
                    + ")";
        }
    }

    Optional<Handler> forEvent(Class<?> eventType) {
        return Optional.ofNullable(byEventType.get(eventType));
    }

    Set<Class<?>> eventTypes() {
        return Collections.unmodifiableSet(byEventType.keySet());
    }

    boolean isEmpty() {
        return byEventType.isEmpty();
    }

    /**
     * Finds every {@link EventHandler} method on the singleton beans, the way Spring finds
     * {@code @EventListener} methods, and fails startup on a method that cannot be a handler.
     */
    static EventHandlers discover(ConfigurableListableBeanFactory beans) {
        var table = new HashMap<Class<?>, Handler>();
        for (String name : beans.getBeanNamesForType(Object.class, false, false)) {
            if (ScopedProxyUtils.isScopedTarget(name)) {
                continue;
            }
            Class<?> type = AutoProxyUtils.determineTargetClass(beans, name);
            if (type == null) {
                continue;
            }
            Map<Method, EventHandler> methods = MethodIntrospector.selectMethods(
                    ClassUtils.getUserClass(type), (MethodIntrospector.MetadataLookup<EventHandler>)
                            method -> AnnotatedElementUtils.findMergedAnnotation(method, EventHandler.class));
            if (methods.isEmpty()) {
                continue;
            }
            Object bean = beans.getBean(name);
            for (Method method : methods.keySet()) {
                register(table, bean, method);
            }
        }
        return new EventHandlers(table);
    }

    static void register(Map<Class<?>, Handler> table, Object bean, Method method) {
        Class<?> eventType = eventTypeOf(method);
        Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
        ReflectionUtils.makeAccessible(invocable);
        var handler = new Handler(bean, invocable, eventType);
        Handler existing = table.putIfAbsent(eventType, handler);
        if (existing != null) {
            // The inbox records one id per service: two handlers of one event could not both be
            // exactly-once, and which one runs first would be an accident.
            throw new IllegalStateException("Two @EventHandler methods for " + eventType.getSimpleName() + ": "
                    + existing + " and " + handler + ". Handle each event type once per service.");
        }
    }

    /** The method's event type, or why the method cannot be a handler. */
    static Class<?> eventTypeOf(Method method) {
        String where = method.getDeclaringClass().getName() + "." + method.getName();
        if (method.getParameterCount() != 1) {
            throw new IllegalStateException(
                    "@EventHandler " + where + " must take exactly one parameter: the event it handles");
        }
        Class<?> type = method.getParameterTypes()[0];
        if (!SpecificRecord.class.isAssignableFrom(type) || !isEvent(type)) {
            throw new IllegalStateException("@EventHandler " + where + " takes " + type.getName()
                    + ", which is not a saga event (a generated Avro class with an envelope)");
        }
        if (method.getReturnType() != void.class) {
            throw new IllegalStateException("@EventHandler " + where
                    + " must return void: its effects are written in its transaction, not returned");
        }
        return type;
    }

    private static boolean isEvent(Class<?> type) {
        Schema schema = SpecificData.get().getSchema(type);
        Schema.Field envelope = schema.getField("envelope");
        return envelope != null && EventEnvelope.getClassSchema().equals(envelope.schema());
    }
}
