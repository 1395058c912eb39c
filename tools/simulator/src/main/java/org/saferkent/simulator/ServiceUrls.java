package org.saferkent.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** Where each service answers; {@code --base-urls referrals=http://host:8081,victims=...} overrides any of them. */
public record ServiceUrls(String referrals, String victims, String restorativeJustice, String commissioning, String opsMonitor,
        String partnership) {

    public static final ServiceUrls LOCAL = new ServiceUrls("http://127.0.0.1:8081", "http://127.0.0.1:8082",
            "http://127.0.0.1:8083", "http://127.0.0.1:8084", "http://127.0.0.1:8085", "http://127.0.0.1:8086");

    public static ServiceUrls parse(String spec) {
        Map<String, String> urls = new LinkedHashMap<>(Map.of("referrals", LOCAL.referrals, "victims", LOCAL.victims,
                "restorative-justice", LOCAL.restorativeJustice, "commissioning", LOCAL.commissioning, "ops-monitor", LOCAL.opsMonitor,
                "partnership", LOCAL.partnership));
        if (spec != null && !spec.isBlank()) {
            for (String part : spec.split(",")) {
                int equals = part.indexOf('=');
                String name = equals < 0 ? "" : part.substring(0, equals).trim();
                if (!urls.containsKey(name)) {
                    throw new IllegalArgumentException("--base-urls: expected service=url with service one of " + urls.keySet()
                            + ", not '" + part + "'");
                }
                urls.put(name, part.substring(equals + 1).trim().replaceAll("/+$", ""));
            }
        }
        return new ServiceUrls(urls.get("referrals"), urls.get("victims"), urls.get("restorative-justice"), urls.get("commissioning"),
                urls.get("ops-monitor"), urls.get("partnership"));
    }

    /** Every service, by its name, in the stack's order. */
    public java.util.Map<String, String> byName() {
        java.util.Map<String, String> all = new LinkedHashMap<>();
        all.put("referrals", referrals);
        all.put("victims", victims);
        all.put("restorative-justice", restorativeJustice);
        all.put("commissioning", commissioning);
        all.put("ops-monitor", opsMonitor);
        all.put("partnership", partnership);
        return all;
    }
}
