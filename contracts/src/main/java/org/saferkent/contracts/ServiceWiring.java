package org.saferkent.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.saferkent.platform.events.EventType;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.PropertySourcesPropertyResolver;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * What a service's code says it publishes and consumes, read without starting it: the
 * {@link EventType} records under its package, and the {@code EventConsumer}s its configuration class
 * declares (bean methods called with the service's own properties, bound from its yml, and no
 * collaborators: a consumer's routing table only names handlers, it does not call them), each on the
 * destination of its Spring Cloud Stream binding ({@code spring.cloud.stream.bindings.<bean>-in-0.destination}
 * in the same yml).
 */
public final class ServiceWiring {

    private ServiceWiring() {
    }

    /** Every wire name declared by an {@code @EventType} class under {@code basePackage}. */
    public static Set<String> eventTypesUnder(String basePackage) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(EventType.class));
        Set<String> wireNames = new TreeSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
            try {
                wireNames.add(Class.forName(candidate.getBeanClassName()).getAnnotation(EventType.class).value());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return wireNames;
    }

    /**
     * Topic → wire names the service subscribes to, from the {@code EventConsumer} (or {@code EventBatchConsumer}) bean methods of
     * {@code configuration} and their bindings' destinations, with its {@code @ConfigurationProperties}
     * bound from {@code yml} on the classpath. {@code collaborators} are used for parameters of their type (e.g. a handler a method
     * reference needs); other parameters are null.
     */
    public static Map<String, Set<String>> subscriptions(Class<?> configuration, String yml, Object... collaborators) {
        List<PropertySource<?>> sources = load(yml);
        Binder binder = new Binder(ConfigurationPropertySources.from(sources));
        MutablePropertySources mutable = new MutablePropertySources();
        sources.forEach(mutable::addLast);
        // the binding's destination as the yml says it, its placeholders (${saferkent.<service>.<topic>}) resolved
        PropertySourcesPropertyResolver yamlProperties = new PropertySourcesPropertyResolver(mutable);
        Object instance = instantiate(configuration);
        Map<String, Set<String>> byTopic = new TreeMap<>();
        for (Method method : configuration.getDeclaredMethods()) {
            String returned = method.getReturnType().getSimpleName();
            if (!(returned.equals("EventConsumer") || returned.equals("EventBatchConsumer")) || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            String binding = "spring.cloud.stream.bindings." + method.getName() + "-in-0.destination";
            String destination = yamlProperties.getProperty(binding);
            if (destination == null) {
                throw new IllegalStateException(yml + " binds no destination for " + method.getName() + " (" + binding + ")");
            }
            Object[] args = new Object[method.getParameterCount()];
            Parameter[] parameters = method.getParameters();
            for (int i = 0; i < parameters.length; i++) {
                args[i] = argument(configuration, instance, parameters[i].getType(), binder, collaborators);
            }
            try {
                method.setAccessible(true);
                Object consumer = method.invoke(instance, args);
                @SuppressWarnings("unchecked")
                Collection<String> wireNames = (Collection<String>) consumer.getClass().getMethod("wireNames").invoke(consumer);
                for (String topic : destination.split(",")) {
                    byTopic.computeIfAbsent(topic.trim(), t -> new TreeSet<>()).addAll(wireNames);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("could not read " + method, e);
            }
        }
        return byTopic;
    }

    /**
     * The service's properties bound from its yml, a given collaborator, or what another bean method
     * of the configuration makes from the properties alone (e.g. a routing table); otherwise null.
     */
    private static Object argument(Class<?> configuration, Object instance, Class<?> type, Binder binder, Object[] collaborators) {
        ConfigurationProperties properties = type.getAnnotation(ConfigurationProperties.class);
        if (properties != null) {
            String prefix = !properties.prefix().isEmpty() ? properties.prefix() : properties.value();
            return binder.bind(prefix, type).orElseThrow(() -> new IllegalStateException("nothing bound to " + prefix));
        }
        for (Object collaborator : collaborators) {
            if (type.isInstance(collaborator)) {
                return collaborator;
            }
        }
        for (Method factory : configuration.getDeclaredMethods()) {
            boolean fromPropertiesAlone = Arrays.stream(factory.getParameterTypes())
                    .allMatch(parameter -> parameter.isAnnotationPresent(ConfigurationProperties.class));
            if (factory.getReturnType().equals(type) && fromPropertiesAlone && !Modifier.isStatic(factory.getModifiers())) {
                Object[] args = Arrays.stream(factory.getParameterTypes())
                        .map(parameter -> argument(configuration, instance, parameter, binder, collaborators)).toArray();
                try {
                    factory.setAccessible(true);
                    return factory.invoke(instance, args);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("could not call " + factory, e);
                }
            }
        }
        return null;
    }

    private static List<PropertySource<?>> load(String yml) {
        try {
            return new YamlPropertySourceLoader().load(yml, new ClassPathResource(yml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object instantiate(Class<?> type) {
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type.getName(), e);
        }
    }
}
