package io.daybreak.methods.stats.glm;

/** The GLM families with their canonical links, as R's {@code gaussian()}, {@code binomial()}, {@code poisson()}. */
public enum GlmFamily {
    GAUSSIAN {
        @Override
        double mean(double eta) {
            return eta;
        }

        @Override
        double meanDerivative(double mu) {
            return 1;
        }

        @Override
        double variance(double mu) {
            return 1;
        }

        @Override
        double deviance(double y, double mu) {
            return (y - mu) * (y - mu);
        }

        @Override
        double startingMean(double y) {
            return y;
        }

        @Override
        double link(double mu) {
            return mu;
        }

        @Override
        String checkResponse(double y) {
            return null;
        }
    },
    BINOMIAL {
        @Override
        double mean(double eta) {
            // as R's binomial()$linkinv: kept EPS away from 0 and 1, so deviance and weights stay finite
            return Math.max(Math.min(1 / (1 + Math.exp(-eta)), 1 - EPS), EPS);
        }

        @Override
        double meanDerivative(double mu) {
            return Math.max(mu * (1 - mu), Double.MIN_NORMAL);
        }

        @Override
        double variance(double mu) {
            return mu * (1 - mu);
        }

        @Override
        double deviance(double y, double mu) {
            return 2 * (ylogy(y, mu) + ylogy(1 - y, 1 - mu));
        }

        @Override
        double startingMean(double y) {
            return (y + 0.5) / 2;
        }

        @Override
        double link(double mu) {
            return Math.log(mu / (1 - mu));
        }

        @Override
        String checkResponse(double y) {
            return y == 0 || y == 1 ? null : "must be 0 or 1 for the binomial family";
        }
    },
    POISSON {
        @Override
        double mean(double eta) {
            return Math.max(Math.exp(eta), EPS); // as R's poisson()$linkinv
        }

        @Override
        double meanDerivative(double mu) {
            return Math.max(mu, Double.MIN_NORMAL);
        }

        @Override
        double variance(double mu) {
            return mu;
        }

        @Override
        double deviance(double y, double mu) {
            return 2 * (ylogy(y, mu) - (y - mu));
        }

        @Override
        double startingMean(double y) {
            return y + 0.1;
        }

        @Override
        double link(double mu) {
            return Math.log(mu);
        }

        @Override
        String checkResponse(double y) {
            return y >= 0 && y == Math.rint(y) ? null : "must be a non-negative whole number for the poisson family";
        }
    };

    /** R's {@code .Machine$double.eps}. */
    private static final double EPS = Math.ulp(1.0);

    abstract double mean(double eta);

    /** dμ/dη at μ (canonical links: the variance function, identity: 1). */
    abstract double meanDerivative(double mu);

    abstract double variance(double mu);

    /** The unit deviance of one observation. */
    abstract double deviance(double y, double mu);

    /** R's {@code mustart}. */
    abstract double startingMean(double y);

    abstract double link(double mu);

    /** Why a response value is invalid for the family, or null. */
    abstract String checkResponse(double y);

    /** Whether the dispersion is estimated (gaussian) or fixed at 1. */
    public boolean estimatesDispersion() {
        return this == GAUSSIAN;
    }

    private static double ylogy(double y, double mu) {
        return y == 0 ? 0 : y * Math.log(y / mu);
    }
}
