package io.daybreak.methods.twin;

import io.daybreak.core.method.Choice;
import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Setting;
import io.daybreak.stats.twin.VirtualPatients;

/**
 * What {@code twin.tgi-simulate} takes, grouped as {@link VirtualPatients} uses it: the growth model's typical
 * values and their variability, what scales the drug effect, the assessment schedule and overall survival.
 */
record TgiSimulateSettings(
        @Setting(unit = "patients", min = 1, max = 1_000_000, defaultValue = "200")
        int n,
        @Setting(defaultValue = "claret")
        @Choice({"claret", "biexponential"})
        String model,
        Typical typical,
        Variability variability,
        DrugEffect effect,
        @Setting(min = 0, max = 2, defaultValue = "0.1", doc = "SD of the multiplicative (log-scale) measurement error")
        double residualSd,
        Schedule schedule,
        @Setting(unit = "mm", min = 0, defaultValue = "5", doc = "absolute increase over the nadir that progression also needs")
        double minIncrease,
        OverallSurvival survival) {

    /** The generator of virtual patients with these settings. */
    VirtualPatients generator() {
        boolean claret = claret();
        return new VirtualPatients(claret, typical.values(claret), variability.values(claret), effect.exposure(),
                effect.treatedFraction(), effect.armRatio(), effect.biomarkerPrevalence(), effect.biomarkerRatio(),
                residualSd, schedule.interval(), schedule.visits(), schedule.dropoutHazard(), schedule.followUp(),
                minIncrease, survival.osHazard(), survival.osLink(), survival.osCoefficient());
    }

    boolean claret() {
        return model.equals("claret");
    }

    /** Settings group: the typical (median) baseline size and rates of the Claret and bi-exponential models. */
    record Typical(
            @Setting(unit = "mm", min = 0, minInclusive = false, defaultValue = "60",
                    doc = "typical baseline sum of diameters")
            double base,
            @Setting(unit = "1/day", min = 0, minInclusive = false, defaultValue = "0.002",
                    doc = "Claret: typical growth rate KL")
            double kl,
            @Setting(unit = "1/day", min = 0, minInclusive = false, defaultValue = "0.01",
                    doc = "Claret: typical drug-effect rate KD at exposure 1")
            double kd,
            @Setting(unit = "1/day", min = 0, minInclusive = false, defaultValue = "0.005",
                    doc = "Claret: typical resistance rate lambda")
            double lambda,
            @Setting(unit = "1/day", min = 0, minInclusive = false, defaultValue = "0.01",
                    doc = "biexponential: typical regression rate d at exposure 1")
            double d,
            @Setting(unit = "1/day", min = 0, minInclusive = false, defaultValue = "0.002",
                    doc = "biexponential: typical growth rate g")
            double g) {

        /** The model's typical values in {@link VirtualPatients}' order. */
        double[] values(boolean claret) {
            return claret ? new double[] {base, kl, kd, lambda} : new double[] {base, d, g};
        }
    }

    /** Settings group: the log-normal between-patient variability (CV) of the model's parameters. */
    record Variability(
            @Setting(min = 0, max = 5, defaultValue = "0.3", doc = "CV of BASE")
            double cvBase,
            @Setting(min = 0, max = 5, defaultValue = "0.5", doc = "CV of KL or g")
            double cvGrowth,
            @Setting(min = 0, max = 5, defaultValue = "0.5", doc = "CV of KD or d")
            double cvEffect,
            @Setting(min = 0, max = 5, defaultValue = "0.3", doc = "Claret: CV of lambda")
            double cvLambda) {

        /** The CVs in the order of {@link Typical#values}: the bi-exponential model has d before g. */
        double[] values(boolean claret) {
            return claret ? new double[] {cvBase, cvGrowth, cvEffect, cvLambda} : new double[] {cvBase, cvEffect, cvGrowth};
        }
    }

    /** Settings group: what scales the drug-effect rate, and who is treated or biomarker-positive. */
    record DrugEffect(
            @Setting(min = 0, defaultValue = "1",
                    doc = "dose or exposure multiplying the drug-effect rate (Claret: KD x AUC)")
            double exposure,
            @Setting(min = 0, max = 1, defaultValue = "0.5", doc = "probability of arm 1")
            double treatedFraction,
            @Setting(min = 0, minInclusive = false, defaultValue = "1", doc = "multiplies the drug-effect rate in arm 1")
            double armRatio,
            @Setting(min = 0, max = 1, defaultValue = "0", doc = "probability of a positive biomarker")
            double biomarkerPrevalence,
            @Setting(min = 0, minInclusive = false, defaultValue = "1",
                    doc = "multiplies the drug-effect rate of biomarker-positive patients")
            double biomarkerRatio) {
    }

    /** Settings group: when tumours are assessed and when assessments end; the first one must fall in follow-up. */
    record Schedule(
            @Setting(unit = "days", min = 0, minInclusive = false, defaultValue = "42", doc = "days between assessments")
            double interval,
            @Setting(min = 0, max = 1000, defaultValue = "8", doc = "post-baseline assessments scheduled")
            int visits,
            @Setting(unit = "1/day", min = 0, defaultValue = "0", doc = "exponential dropout: assessments end at dropout")
            double dropoutHazard,
            @Setting(unit = "days", min = 0, minInclusive = false, defaultValue = "730",
                    doc = "administrative censoring: no assessment or death after it")
            double followUp) {

        Schedule {
            if (followUp < interval && visits > 0) {
                throw new InvalidParameterException("parameter 'followUp' = " + followUp + " ends before the first "
                        + "assessment at 'interval' = " + interval + "; allowed: followUp >= interval");
            }
        }
    }

    /** Settings group: the optional exponential overall survival and its link to tumour growth. */
    record OverallSurvival(
            @Setting(unit = "1/day", min = 0, defaultValue = "0",
                    doc = "baseline hazard of death; 0: no OS (osTime = followUp, no events)")
            double osHazard,
            @Setting(defaultValue = "ratio8",
                    doc = "OS covariate: week-8 relative size change TS(56)/BASE - 1, or time to growth in years")
            @Choice({"ratio8", "ttg"})
            String osLink,
            @Setting(min = -20, max = 20, defaultValue = "1", doc = "log hazard ratio per unit of the OS covariate")
            double osCoefficient) {
    }
}
