package io.daybreak.methods.design.blrm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.methods.design.oc.MixtureText;

/**
 * A prior for the BLRM's θ = (log α, log β): a mixture of bivariate normal densities with weights summing to 1, the
 * form OncoBayes2 and RBesT ({@code mixmvnorm}) give a MAP prior and its robust version. One component is the usual
 * bivariate normal prior.
 *
 * @param components the components, at least one
 */
public record BivariateNormalMixture(List<Component> components) {

    /** One bivariate normal component with its weight. */
    public record Component(double weight, double meanLogAlpha, double sdLogAlpha, double meanLogBeta, double sdLogBeta,
            double correlation) {

        public Component {
            if (!(weight > 0 && weight <= 1) || !(sdLogAlpha > 0) || !(sdLogBeta > 0) || !(Math.abs(correlation) < 1)
                    || !Double.isFinite(meanLogAlpha) || !Double.isFinite(meanLogBeta) || !Double.isFinite(sdLogAlpha)
                    || !Double.isFinite(sdLogBeta)) {
                throw new IllegalArgumentException("a bivariate normal component needs 0 < weight <= 1, finite means, "
                        + "positive finite sds and |correlation| < 1");
            }
        }

        /** The log of w times the normalised density at θ. */
        double logWeightedDensity(double logAlpha, double logBeta) {
            double rho2 = 1 - correlation * correlation;
            return Math.log(weight) - Math.log(2 * Math.PI * sdLogAlpha * sdLogBeta * Math.sqrt(rho2))
                    + quadraticForm(logAlpha, logBeta);
        }

        /** −½ (θ − m)' Σ⁻¹ (θ − m). */
        double quadraticForm(double logAlpha, double logBeta) {
            double z1 = (logAlpha - meanLogAlpha) / sdLogAlpha;
            double z2 = (logBeta - meanLogBeta) / sdLogBeta;
            return -(z1 * z1 - 2 * correlation * z1 * z2 + z2 * z2) / (2 * (1 - correlation * correlation));
        }
    }

    public BivariateNormalMixture {
        components = List.copyOf(components);
        if (components.isEmpty()) {
            throw new IllegalArgumentException("a mixture needs at least one component");
        }
        double sum = components.stream().mapToDouble(Component::weight).sum();
        if (Math.abs(sum - 1) > 1e-6) {
            throw new IllegalArgumentException("the weights of a mixture sum to " + sum + "; they must sum to 1");
        }
    }

    /** The single bivariate normal N2((mean α, mean β), (sd α, sd β, correlation)). */
    public static BivariateNormalMixture of(double meanLogAlpha, double sdLogAlpha, double meanLogBeta, double sdLogBeta,
            double correlation) {
        return new BivariateNormalMixture(List.of(new Component(1, meanLogAlpha, sdLogAlpha, meanLogBeta, sdLogBeta,
                correlation)));
    }

    /**
     * Parses {@code "w,meanLogAlpha,sdLogAlpha,meanLogBeta,sdLogBeta,correlation;..."}, the text {@link #format}
     * writes. Errors name {@code parameter}, the component and what is allowed.
     */
    public static BivariateNormalMixture parse(String parameter, String text) {
        List<double[]> rows = MixtureText.components(parameter, text,
                "w,meanLogAlpha,sdLogAlpha,meanLogBeta,sdLogBeta,correlation");
        List<Component> components = new ArrayList<>();
        for (int k = 0; k < rows.size(); k++) {
            double[] v = rows.get(k);
            try {
                components.add(new Component(v[0], v[1], v[2], v[3], v[4], v[5]));
            } catch (IllegalArgumentException e) {
                throw new InvalidParameterException("parameter '" + parameter + "': component " + (k + 1) + " has w = "
                        + v[0] + ", sds " + v[2] + " and " + v[4] + ", correlation " + v[5] + "; need 0 < w <= 1, finite "
                        + "means, sds > 0 and -1 < correlation < 1");
            }
        }
        return new BivariateNormalMixture(components);
    }

    /** The text {@link #parse} reads, with 17 significant digits (exact). */
    public String format() {
        return format(17);
    }

    /** The text {@link #parse} reads, each number with {@code digits} significant digits. */
    public String format(int digits) {
        String number = "%." + digits + "g";
        String pattern = String.join(",", number, number, number, number, number, number);
        StringBuilder s = new StringBuilder();
        for (Component c : components) {
            if (s.length() > 0) {
                s.append(';');
            }
            s.append(String.format(Locale.ROOT, pattern, c.weight(), c.meanLogAlpha(),
                    c.sdLogAlpha(), c.meanLogBeta(), c.sdLogBeta(), c.correlation()));
        }
        return s.toString();
    }

    public int size() {
        return components.size();
    }

    /** Component {@code k} alone, as a one-component mixture (weight 1). */
    public BivariateNormalMixture component(int k) {
        Component c = components.get(k);
        return of(c.meanLogAlpha(), c.sdLogAlpha(), c.meanLogBeta(), c.sdLogBeta(), c.correlation());
    }

    /** The weight of component {@code k}. */
    public double weight(int k) {
        return components.get(k).weight();
    }

    /**
     * The log prior density at θ up to a constant. For one component it is the quadratic form alone, exactly the
     * expression design.blrm has always used, so a single-component prior gives the same numbers bit for bit.
     */
    public double logDensity(double logAlpha, double logBeta) {
        return components.size() == 1 ? components.get(0).quadraticForm(logAlpha, logBeta)
                : logNormalisedDensity(logAlpha, logBeta);
    }

    /** The log of the normalised mixture density at θ (with its constant, unlike {@link #logDensity}). */
    public double logNormalisedDensity(double logAlpha, double logBeta) {
        double max = Double.NEGATIVE_INFINITY;
        double[] terms = new double[components.size()];
        for (int k = 0; k < terms.length; k++) {
            terms[k] = components.get(k).logWeightedDensity(logAlpha, logBeta);
            max = Math.max(max, terms[k]);
        }
        if (terms.length == 1) {
            return max;
        }
        double sum = 0;
        for (double t : terms) {
            sum += Math.exp(t - max);
        }
        return max + Math.log(sum);
    }

    /**
     * A draw of θ = (log α, log β) into {@code theta} at {@code offset}: the component chosen by {@code uniform}
     * (ignored for a single component), then the bivariate normal from the standard normals {@code z1}, {@code z2}.
     */
    public void draw(double uniform, double z1, double z2, double[] theta, int offset) {
        Component c = components.get(components.size() - 1);
        double cumulative = 0;
        for (Component k : components) {
            cumulative += k.weight();
            if (uniform < cumulative) {
                c = k;
                break;
            }
        }
        theta[offset] = c.meanLogAlpha() + c.sdLogAlpha() * z1;
        theta[offset + 1] = c.meanLogBeta()
                + c.sdLogBeta() * (c.correlation() * z1 + Math.sqrt(1 - c.correlation() * c.correlation()) * z2);
    }

    /** The mixture's covariance of (log α, log β): within- plus between-component. */
    public double[][] covariance() {
        double ma = meanLogAlpha();
        double mb = meanLogBeta();
        double aa = components.stream().mapToDouble(c -> c.weight() * (c.sdLogAlpha() * c.sdLogAlpha()
                + (c.meanLogAlpha() - ma) * (c.meanLogAlpha() - ma))).sum();
        double bb = components.stream().mapToDouble(c -> c.weight() * (c.sdLogBeta() * c.sdLogBeta()
                + (c.meanLogBeta() - mb) * (c.meanLogBeta() - mb))).sum();
        double ab = components.stream().mapToDouble(c -> c.weight() * (c.correlation() * c.sdLogAlpha() * c.sdLogBeta()
                + (c.meanLogAlpha() - ma) * (c.meanLogBeta() - mb))).sum();
        return new double[][] {{aa, ab}, {ab, bb}};
    }

    /** The mixture's mean of log α. */
    public double meanLogAlpha() {
        return components.stream().mapToDouble(c -> c.weight() * c.meanLogAlpha()).sum();
    }

    /** The mixture's mean of log β. */
    public double meanLogBeta() {
        return components.stream().mapToDouble(c -> c.weight() * c.meanLogBeta()).sum();
    }

    /** The mixture's standard deviation of log α (within- plus between-component spread). */
    public double sdLogAlpha() {
        return components.size() == 1 ? components.get(0).sdLogAlpha() : Math.sqrt(covariance()[0][0]);
    }

    /** The mixture's standard deviation of log β. */
    public double sdLogBeta() {
        return components.size() == 1 ? components.get(0).sdLogBeta() : Math.sqrt(covariance()[1][1]);
    }
}
