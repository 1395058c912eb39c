package org.saferkent.commissioning.vocabulary;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The measures a contract's targets can name, each with which way is better and the range a target
 * may take. Shares and changes are fractions (0.85 = 85%); money is GBP.
 */
public enum Measure {
    CONTACTED_WITHIN_DEADLINE_SHARE("contacted-within-deadline-share", true, Scale.SHARE),
    COPE_AND_RECOVER_SHARE("cope-and-recover-share", true, Scale.SHARE),
    NEEDS_MET_SHARE("needs-met-share", true, Scale.SHARE),
    REFERRALS_ACCEPTED_SHARE("referrals-accepted-share", true, Scale.SHARE),
    RJ_COMPLETION_SHARE("rj-completion-share", true, Scale.SHARE),
    RJ_SATISFACTION_SHARE("rj-satisfaction-share", true, Scale.SHARE),
    RJ_WOULD_RECOMMEND_SHARE("rj-would-recommend-share", true, Scale.SHARE),
    /** The fall in first-time entrants on the same period a year before (0.185 = an 18.5% fall). */
    FTE_REDUCTION("fte-reduction", true, Scale.CHANGE),
    COST_PER_VICTIM_SUPPORTED("cost-per-victim-supported", false, Scale.MONEY);

    /** What values a target of the measure may take. */
    public enum Scale {
        SHARE(BigDecimal.ZERO, BigDecimal.ONE),
        CHANGE(BigDecimal.ONE.negate(), BigDecimal.ONE),
        MONEY(BigDecimal.ZERO, new BigDecimal("1000000"));

        private final BigDecimal min;
        private final BigDecimal max;

        Scale(BigDecimal min, BigDecimal max) {
            this.min = min;
            this.max = max;
        }

        public BigDecimal min() {
            return min;
        }

        public BigDecimal max() {
            return max;
        }

        public boolean contains(BigDecimal value) {
            return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
        }
    }

    private final String code;
    private final boolean higherIsBetter;
    private final Scale scale;

    Measure(String code, boolean higherIsBetter, Scale scale) {
        this.code = code;
        this.higherIsBetter = higherIsBetter;
        this.scale = scale;
    }

    public String code() {
        return code;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    public Scale scale() {
        return scale;
    }

    public static Optional<Measure> parse(String code) {
        return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
    }

    /** "a, b or c", for a problem message. */
    public static String choices() {
        String all = Arrays.stream(values()).map(Measure::code).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return all.substring(0, last) + " or " + all.substring(last + 2);
    }
}
