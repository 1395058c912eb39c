package org.saferkent.platform.disclosure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The audiences the partnership's figures go to, and the rule each gets unless configured otherwise. */
public final class Audiences {

    /** The Police and Crime Panel's view: panel members scrutinising the PCC, papers often made public. */
    public static final String POLICE_CRIME_PANEL = "police-crime-panel";

    /** The PCC's office: commissioning feeds and performance reports. */
    public static final String PCC_OFFICE = "pcc-office";

    /** Anything published to everyone (district strategic assessments, ASB case review figures). */
    public static final String PUBLIC = "public";

    /** The Ministry of Justice's quarterly return on victim services: it needs exact figures. */
    public static final String MOJ_RETURN = "moj-return";

    /**
     * The default rule per audience: counts from 1 to 4 suppressed with secondary suppression for the panel,
     * the PCC's office and the public; the public's figures also rounded to 5; the MoJ return exact.
     */
    public static final Map<String, DisclosureRule> DEFAULTS;

    static {
        var defaults = new LinkedHashMap<String, DisclosureRule>();
        defaults.put(POLICE_CRIME_PANEL, DisclosureRule.SUPPRESS_UNDER_FIVE);
        defaults.put(PCC_OFFICE, DisclosureRule.SUPPRESS_UNDER_FIVE);
        defaults.put(PUBLIC, DisclosureRule.SUPPRESS_UNDER_FIVE_ROUNDED_TO_FIVE);
        defaults.put(MOJ_RETURN, DisclosureRule.EXACT);
        DEFAULTS = Collections.unmodifiableMap(defaults);
    }

    private Audiences() {
    }
}
