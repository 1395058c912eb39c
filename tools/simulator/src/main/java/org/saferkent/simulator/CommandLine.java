package org.saferkent.simulator;

/**
 * The options of a tool's command line, one at a time, for a {@code switch} on {@link #name()}: an option
 * takes its value as {@code --name=value} or as the next argument ({@link #value()}); a flag asks for none.
 * The simulator, the fuzz and the benchmark read their arguments this way.
 */
public final class CommandLine {

    private final String[] args;
    private final String usage;
    private int next;
    private String name;
    private String inline;

    public CommandLine(String[] args, String usage) {
        this.args = args;
        this.usage = usage;
    }

    /** Moves to the next option. @return false when there are no more */
    public boolean next() {
        if (next >= args.length) {
            return false;
        }
        String arg = args[next++];
        int equals = arg.indexOf('=');
        boolean withValue = arg.startsWith("--") && equals > 0;
        name = withValue ? arg.substring(0, equals) : arg;
        inline = withValue ? arg.substring(equals + 1) : null;
        return true;
    }

    public String name() {
        return name;
    }

    /** The option's value: after its {@code =}, or the next argument. */
    public String value() {
        if (inline != null) {
            return inline;
        }
        if (next >= args.length) {
            throw new IllegalArgumentException(name + " needs a value\n" + usage);
        }
        return args[next++];
    }

    /** For the {@code switch}'s default. */
    public IllegalArgumentException unknown() {
        return new IllegalArgumentException("unknown option " + name + "\n" + usage);
    }
}
