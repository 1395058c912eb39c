package org.saferkent.devstack;

import java.util.ArrayList;
import java.util.List;

/** One readable line for a failure whose full chain may be dozens of wrapped bean-creation errors. */
final class Failures {

    private Failures() {
    }

    /** The outermost message (what failed) and the root cause (why), without the layers in between. */
    static String summary(Throwable failure) {
        Throwable root = failure;
        List<Throwable> seen = new ArrayList<>();
        while (root.getCause() != null && !seen.contains(root.getCause())) {
            seen.add(root);
            root = root.getCause();
        }
        String what = firstLine(failure);
        if (root == failure) {
            return what;
        }
        return what + "\n  cause: " + root.getClass().getSimpleName() + ": " + firstLine(root);
    }

    private static String firstLine(Throwable throwable) {
        String message = String.valueOf(throwable.getMessage());
        int colonChain = message.indexOf(": Error creating bean");
        String shortened = colonChain > 0 ? message.substring(0, colonChain) : message;
        int newline = shortened.indexOf('\n');
        return newline > 0 ? shortened.substring(0, newline) : shortened;
    }
}
