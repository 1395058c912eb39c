package org.saferkent.simulator.fuzz;

/** {@code fuzz.sh}: hostile requests to every operation of a running stack; exit 1 on a 5xx, an unanswered request or a stored document. */
public final class FuzzMain {

    private FuzzMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        FuzzOptions options;
        try {
            options = FuzzOptions.parse(args);
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(FuzzOptions.USAGE);
            return;
        }
        if (options.show() >= 0) {
            FuzzRun.Settings settings = options.settings();
            HostileRequests.FuzzRequest request = new HostileRequests(settings.api().operations(), settings.seed()).generate(options.show());
            System.out.println(request.describe() + (request.definite() ? "" : " (a read with hostile values only)"));
            System.out.println(request.method() + " " + request.pathAndQuery());
            request.headers().forEach(h -> System.out.println(h.getKey() + ": "
                    + (h.getValue().length() > 200 ? h.getValue().substring(0, 200) + "...(" + h.getValue().length() + " chars)" : h.getValue())));
            String file = System.getenv("FUZZ_SHOW_BODY_TO");
            if (request.body() != null && file != null) {
                try {
                    java.nio.file.Files.write(java.nio.file.Path.of(file), request.body());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            if (request.body() != null) {
                String body = new String(request.body(), java.nio.charset.StandardCharsets.UTF_8);
                System.out.println();
                System.out.println(body.length() > 4000 ? body.substring(0, 4000) + "...(" + request.body().length + " bytes)" : body);
            }
            return;
        }
        FuzzRun.Result result = new FuzzRun(options.settings()).run();
        System.out.print(result.report());
        System.exit(result.clean() ? 0 : 1);
    }
}
