package io.daybreak.stats.models.glm;

/** The GLM families with their canonical links, as R's {@code gaussian()}, {@code binomial()}, {@code poisson()}. */
public enum GlmFamily {
    GAUSSIAN {
        @Override
        public double mean(double eta) {
            return eta;
        }

        @Override
        public double meanDerivative(double mu) {
            return 1;
        }

        @Override
        public double variance(double mu) {
            return 1;
        }

        @Override
        public double deviance(double y, double mu) {
            return (y - mu) * (y - mu);
        }

        @Override
        public double startingMean(double y) {
            return y;
        }

        @Override
        public double link(double mu) {
            return mu;
        }

        @Override
        public String checkResponse(double y) {
            return null;
        }
    },
    BINOMIAL {
        @Override
        public double mean(double eta) {
            // as R's binomial()$linkinv: kept EPS away from 0 and 1, so deviance and weights stay finite
            return Math.max(Math.min(1 / (1 + Math.exp(-eta)), 1 - EPS), EPS);
        }

        @Override
        public double meanDerivative(double mu) {
            return Math.max(mu * (1 - mu), Double.MIN_NORMAL);
        }

        @Override
        public double variance(double mu) {
            return mu * (1 - mu);
        }

        @Override
        public double deviance(double y, double mu) {
            return 2 * (ylogy(y, mu) + ylogy(1 - y, 1 - mu));
        }

        @Override
        public double startingMean(double y) {
            return (y + 0.5) / 2;
        }

        @Override
        public double link(double mu) {
            return Math.log(mu / (1 - mu));
        }

        @Override
        public String checkResponse(double y) {
            return y == 0 || y == 1 ? null : "must be 0 or 1 for the binomial family";
        }
    },
    POISSON {
        @Override
        public double mean(double eta) {
            return Math.max(Math.exp(eta), EPS); // as R's poisson()$linkinv
        }

        @Override
        public double meanDerivative(double mu) {
            return Math.max(mu, Double.MIN_NORMAL);
        }

        @Override
        public double variance(double mu) {
            return mu;
        }

        @Override
        public double deviance(double y, double mu) {
            return 2 * (ylogy(y, mu) - (y - mu));
        }

        @Override
        public double startingMean(double y) {
            return y + 0.1;
        }

        @Override
        public double link(double mu) {
            return Math.log(mu);
        }

        @Override
        public String checkResponse(double y) {
            return y >= 0 && y == Math.rint(y) ? null : "must be a non-negative whole number for the poisson family";
        }
    };

    /** R's {@code .Machine$double.eps}. */
    private static final double EPS = Math.ulp(1.0);

    public abstract double mean(double eta);

    /** dμ/dη at μ (canonical links: the variance function, identity: 1). */
    public abstract double meanDerivative(double mu);

    public abstract double variance(double mu);

    /** The unit deviance of one observation. */
    public abstract double deviance(double y, double mu);

    /** R's {@code mustart}. */
    public abstract double startingMean(double y);

    public abstract double link(double mu);

    /** Why a response value is invalid for the family, or null. */
    public abstract String checkResponse(double y);

    /**
     * An observation's log-likelihood at μ = y (0 for 0/1 binomial responses; poisson y log y − y − log y!; not
     * used for gaussian, whose log-likelihood depends on the estimated dispersion).
     */
    public double saturatedLogLikelihood(double y) {
        return this == POISSON ? (y == 0 ? 0 : y * Math.log(y)) - y - org.hipparchus.special.Gamma.logGamma(y + 1) : 0;
    }

    /**
     * R's AIC of a fit with {@code p} coefficients: −2 log-likelihood + 2 × parameters, the gaussian counting its
     * variance (n (log(2π deviance / n) + 1) + 2 + 2p, as {@code gaussian()$aic}).
     */
    public double aic(double deviance, double saturatedLogLikelihood, long n, int p) {
        if (this == GAUSSIAN) {
            return n * (Math.log(2 * Math.PI * deviance / n) + 1) + 2 + 2 * p;
        }
        return deviance - 2 * saturatedLogLikelihood + 2 * p;
    }

    /** Whether the dispersion is estimated (gaussian) or fixed at 1. */
    public boolean estimatesDispersion() {
        return this == GAUSSIAN;
    }

    private static double ylogy(double y, double mu) {
        return y == 0 ? 0 : y * Math.log(y / mu);
    }
}
