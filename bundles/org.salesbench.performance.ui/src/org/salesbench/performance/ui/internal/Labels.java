package org.salesbench.performance.ui.internal;

import org.salesbench.performance.scorecards.Curve;

/** Names of model values as users read them. */
final class Labels {

    private Labels() {
    }

    static String curve(Curve curve) {
        return switch (curve) {
        case LINEAR -> Messages.Curve_linear;
        case CAPPED -> Messages.Curve_capped;
        case STEPPED -> Messages.Curve_stepped;
        };
    }
}
