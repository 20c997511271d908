package org.salesbench.quotes.internal;

import java.math.BigDecimal;
import java.util.Map;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.salesbench.core.validation.Decimals;
import org.salesbench.quotes.ApprovalOutcome;
import org.salesbench.quotes.ApprovalOutcome.State;
import org.salesbench.quotes.QuoteApprovalRequest;
import org.salesbench.quotes.QuoteApprovalService;

/**
 * The default approval rule until the workflow module brings its engine: a discount above the threshold waits for a
 * manager's decision ({@link State#PENDING}), anything at or below it is approved at once. The threshold comes from
 * the component configuration ({@value #THRESHOLD_KEY}, through Configuration Admin when present), else the system
 * property {@value #THRESHOLD_PROPERTY}, else {@value #DEFAULT_THRESHOLD} %. Ranked 0, so any implementation
 * registered with a higher {@code service.ranking} takes over.
 */
@Component(service = QuoteApprovalService.class, configurationPid = ThresholdQuoteApprovalService.PID,
        property = { "service.ranking:Integer=0", ThresholdQuoteApprovalService.THRESHOLD_KEY + "=" + ThresholdQuoteApprovalService.DEFAULT_THRESHOLD })
public class ThresholdQuoteApprovalService implements QuoteApprovalService {

    public static final String PID = "org.salesbench.quotes.approval";
    public static final String THRESHOLD_KEY = "discountThresholdPercent";
    public static final String THRESHOLD_PROPERTY = "salesbench.quotes.discountApprovalThreshold";
    public static final String DEFAULT_THRESHOLD = "10";

    private volatile BigDecimal threshold;

    /** For DS: the threshold is read from the configuration in {@link #activate}. */
    public ThresholdQuoteApprovalService() {
        this(new BigDecimal(DEFAULT_THRESHOLD));
    }

    public ThresholdQuoteApprovalService(BigDecimal thresholdPercent) {
        this.threshold = thresholdPercent;
    }

    @Activate
    @Modified
    public void activate(Map<String, Object> configuration) {
        String property = System.getProperty(THRESHOLD_PROPERTY);
        Object configured = configuration.get(THRESHOLD_KEY);
        // an explicit system property wins over the component's built-in default, Configuration Admin over both
        String value = property != null && (configured == null || DEFAULT_THRESHOLD.equals(String.valueOf(configured)))
                ? property : configured == null ? DEFAULT_THRESHOLD : String.valueOf(configured);
        try {
            BigDecimal parsed = Decimals.parse(value.trim());
            threshold = parsed.signum() < 0 ? BigDecimal.ZERO : parsed;
        } catch (NumberFormatException e) {
            threshold = new BigDecimal(DEFAULT_THRESHOLD);
        }
    }

    public BigDecimal threshold() {
        return threshold;
    }

    @Override
    public boolean requiresApproval(QuoteApprovalRequest request) {
        return request.maxDiscountPercent() != null && request.maxDiscountPercent().compareTo(threshold) > 0;
    }

    @Override
    public ApprovalOutcome submit(QuoteApprovalRequest request) {
        BigDecimal limit = threshold;
        String max = percent(request.maxDiscountPercent() == null ? BigDecimal.ZERO : request.maxDiscountPercent());
        if (requiresApproval(request)) {
            return new ApprovalOutcome(State.PENDING, NLS.bind(Messages.Approval_above,
                    new Object[] { request.maxDiscountLine(), max, percent(limit) }));
        }
        return new ApprovalOutcome(State.APPROVED, NLS.bind(Messages.Approval_within, percent(limit), max));
    }

    private static String percent(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
