package org.saferkent.platform.test;

import java.util.ArrayList;
import java.util.List;

import org.springframework.cloud.stream.binder.Binding;
import org.springframework.cloud.stream.binding.BindingService;

/** Spring Cloud Stream's consumer bindings, as the services' tests steer them. */
public final class ConsumerBindings {

    private ConsumerBindings() {
    }

    /**
     * Runs {@code work} with every consumer binding of the {@code names} stopped, then starts them again: what
     * {@code work} published meanwhile is read in one poll (the group empty while it ran).
     */
    public static void whileStopped(BindingService bindings, Runnable work, String... names) {
        List<Binding<?>> stopped = new ArrayList<>();
        try {
            for (String name : names) {
                for (Binding<?> binding : bindings.getConsumerBindings(name)) {
                    binding.stop();
                    stopped.add(binding);
                }
            }
            work.run();
        } finally {
            stopped.forEach(Binding::start);
        }
    }
}
