package io.daybreak.methods.design.crm;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.FLOAT64;
import static io.daybreak.data.ColumnType.INT64;

import java.util.Arrays;
import java.util.stream.LongStream;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.methods.design.oc.DoseCounts;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.Setting;
import io.daybreak.core.method.TableSpec;
import io.daybreak.data.Table;
import io.daybreak.methods.design.oc.DesignMethod;

/**
 * {@code design.crm-posterior}: R {@code dfcrm::crm()} for the data of an ongoing trial: the posterior mean and
 * variance of β, the DLT probability per dose at the posterior mean with dfcrm's probability interval, dfcrm's
 * recommended dose and the next dose after dfcrm's {@code restrict = TRUE} rule (as {@code crmsim} applies it).
 */
@Component(service = Method.class)
public final class CrmPosteriorMethod extends DesignMethod<CrmPosteriorMethod.PosteriorSettings> {
    /** What design.crm-posterior takes: the data (per patient or per dose), the target and the CRM model. */
    record PosteriorSettings(
            @Setting(min = 1, max = 100, optional = true,
                    doc = "dose level (1 = lowest) of each patient in the order treated, e.g. 1,1,1,2,2,2 (dfcrm's "
                            + "level); with 'tox'")
            double[] level,
            @Setting(min = 0, max = 1, optional = true,
                    doc = "1 for a DLT, 0 for none, per patient in the order of 'level' (dfcrm's tox)")
            double[] tox,
            @Setting(unit = "patients", min = 0, optional = true,
                    doc = "patients treated per dose, e.g. 3,3,6,0; with 'dlts', instead of 'level' and 'tox'")
            double[] patients,
            @Setting(unit = "DLTs", min = 0, optional = true, doc = "DLTs observed per dose")
            double[] dlts,
            @Setting(unit = "DLT rate", min = 0, minInclusive = false, max = 1, maxInclusive = false,
                    doc = "target DLT rate")
            double target,
            CrmModelSettings model,
            @Setting(min = 1, max = 100, optional = true,
                    doc = "number of dose levels, needed only with 'level' and 'tox' and a computed skeleton")
            Long doses,
            @Setting(min = 0, minInclusive = false, max = 1, maxInclusive = false, defaultValue = "0.9",
                    doc = "level of dfcrm's probability interval per dose (conf.level)")
            double confLevel,
            @Setting(defaultValue = "true",
                    doc = "dfcrm's restrict: no escalation after a cohort with DLT rate >= target, and at most one "
                            + "level above the current dose; false gives the model's dose as is")
            boolean restrict,
            @Setting(unit = "patients", min = 1, max = 100, defaultValue = "1",
                    doc = "size of the last cohort (dfcrm's mcohort): with 'level' and 'tox', the last cohortSize "
                            + "patients make it")
            int cohortSize,
            @Setting(min = 1, max = 100, optional = true,
                    doc = "dose of the last cohort (1 = lowest); with 'patients' and 'dlts' when restrict is on")
            Long currentDose,
            @Setting(unit = "DLTs", min = 0, max = 100, optional = true,
                    doc = "DLTs in the last cohort; with 'patients' and 'dlts' when restrict is on")
            Long lastCohortDlts) {

        PosteriorSettings {
            boolean perPatient = level != null || tox != null;
            boolean perDose = patients != null || dlts != null;
            if (perPatient == perDose) {
                throw new InvalidParameterException("give either 'level' and 'tox' (one value per patient) or "
                        + "'patients' and 'dlts' (one value per dose)");
            }
            if (perPatient) {
                if (level == null || tox == null) {
                    throw new InvalidParameterException("give both 'level' and 'tox'");
                }
                if (level.length != tox.length) {
                    throw new InvalidParameterException("parameter 'tox' has " + tox.length + " values but 'level' has "
                            + level.length + "; they must match");
                }
                whole("level", level);
                whole("tox", tox);
                if (currentDose != null || lastCohortDlts != null) {
                    throw new InvalidParameterException("parameters 'currentDose' and 'lastCohortDlts' go with "
                            + "'patients' and 'dlts'; with 'level' and 'tox' the last cohortSize patients are the "
                            + "last cohort");
                }
                if (restrict && cohortSize > level.length) {
                    throw new InvalidParameterException("parameter 'cohortSize' = " + cohortSize + " exceeds the "
                            + level.length + " patients of 'level'; allowed: 1 to " + level.length);
                }
            } else {
                checkCounts(patients, dlts);
                if (restrict) {
                    checkLastCohort(patients, dlts, cohortSize, currentDose, lastCohortDlts);
                }
            }
        }

        private static void checkCounts(double[] patients, double[] dlts) {
            if (patients == null || dlts == null) {
                throw new InvalidParameterException("give both 'patients' and 'dlts'");
            }
            if (dlts.length != patients.length) {
                throw new InvalidParameterException("parameter 'dlts' has " + dlts.length + " values but 'patients' "
                        + "has " + patients.length + "; they must match");
            }
            whole("patients", patients);
            whole("dlts", dlts);
            for (int d = 0; d < patients.length; d++) {
                if (dlts[d] > patients[d]) {
                    throw new InvalidParameterException("parameter 'dlts': dose " + (d + 1) + " has " + (long) dlts[d]
                            + " DLTs but only " + (long) patients[d] + " patients; allowed: 0 to " + (long) patients[d]);
                }
            }
        }

        private static void checkLastCohort(double[] patients, double[] dlts, int cohortSize, Long currentDose,
                Long lastCohortDlts) {
            if (currentDose == null || lastCohortDlts == null) {
                throw new InvalidParameterException("with 'patients' and 'dlts' and restrict = true, give "
                        + "'currentDose' and 'lastCohortDlts' (the dose and DLTs of the last cohort of cohortSize "
                        + "patients), or set restrict = false");
            }
            if (currentDose > patients.length) {
                throw new InvalidParameterException("parameter 'currentDose' = " + currentDose + " exceeds the "
                        + patients.length + " doses of 'patients'; allowed: 1 to " + patients.length);
            }
            int d = (int) (long) currentDose - 1;
            if (cohortSize > patients[d]) {
                throw new InvalidParameterException("parameter 'cohortSize' = " + cohortSize + " exceeds the "
                        + (long) patients[d] + " patients at 'currentDose' " + currentDose);
            }
            long allowed = Math.min(cohortSize, (long) dlts[d]);
            if (lastCohortDlts > allowed) {
                throw new InvalidParameterException("parameter 'lastCohortDlts' = " + lastCohortDlts + " exceeds the "
                        + "cohort size or the DLTs at 'currentDose'; allowed: 0 to " + allowed);
            }
        }

        private static void whole(String name, double[] values) {
            DoseCounts.of(name, values);
        }

        /** The number of doses: per-dose counts, else the skeleton, else 'doses'; levels must fit in it. */
        int doseCount() {
            int count;
            if (patients != null) {
                count = patients.length;
            } else if (model.skeletonSource().skeleton() != null) {
                count = model.skeletonSource().skeleton().length;
            } else if (doses != null) {
                count = (int) (long) doses;
            } else {
                throw new InvalidParameterException("with 'level' and 'tox' and a computed skeleton, give 'doses' "
                        + "(the number of dose levels)");
            }
            if (level != null) {
                for (int i = 0; i < level.length; i++) {
                    if (level[i] > count) {
                        throw new InvalidParameterException("parameter 'level': value " + (i + 1) + " (" + (long) level[i]
                                + ") exceeds the " + count + " doses; allowed: 1 to " + count);
                    }
                }
            }
            return count;
        }
    }

    public CrmPosteriorMethod() {
        super(PosteriorSettings.class, MethodDescriptor.builder("design.crm-posterior",
                "CRM posterior and next dose for observed data (dfcrm crm)")
                .category("design")
                .reference("O'Quigley, Pepe & Fisher, Biometrics 46:33-48 (1990); Cheung (2011); R dfcrm::crm")
                .description("The CRM fitted to a trial's data as dfcrm's crm(): posterior mean and variance of beta "
                        + "(normal prior, empiric or one-parameter logistic model), DLT probability per dose at the "
                        + "posterior mean with dfcrm's interval (beta +/- z sd), dfcrm's recommended dose, and the next "
                        + "dose after dfcrm's restrict rule (no escalation after a cohort with DLT rate >= target, at "
                        + "most one level above the current dose).")
                .output(TableSpec.of("posterior", "per dose: skeleton, data, estimated DLT probability and interval",
                        column("dose", INT64), column("skeleton", FLOAT64), column("patients", INT64),
                        column("dlts", INT64), column("ptox", FLOAT64), column("ptoxLower", FLOAT64),
                        column("ptoxUpper", FLOAT64))));
    }

    @Override
    protected MethodResult run(PosteriorSettings settings, MethodContext context) {
        int doses = settings.doseCount();
        double target = settings.target();
        double[] skeleton = settings.model().skeleton(doses, target);
        if (settings.model().family().logistic()) {
            double intercept = settings.model().family().intercept();
            double top = skeleton[doses - 1];
            if (!(Math.log(top / (1 - top)) - intercept < 0)) {
                throw new InvalidParameterException("parameter 'intercept' = " + intercept + " is too small for the "
                        + "logistic model: every skeleton value must be below expit(intercept) = "
                        + 1 / (1 + Math.exp(-intercept)) + " (dfcrm: scaled doses > 0)");
            }
        }
        int[] patients = new int[doses];
        int[] dlts = new int[doses];
        int current;
        int cohortDlts;
        int cohortSize = settings.cohortSize();
        if (settings.level() != null) {
            double[] level = settings.level();
            double[] tox = settings.tox();
            for (int i = 0; i < level.length; i++) {
                patients[(int) level[i] - 1]++;
                dlts[(int) level[i] - 1] += (int) tox[i];
            }
            current = level.length == 0 ? 0 : (int) level[level.length - 1] - 1;
            cohortDlts = 0;
            for (int i = Math.max(0, tox.length - cohortSize); i < tox.length; i++) {
                cohortDlts += (int) tox[i];
            }
        } else {
            for (int d = 0; d < doses; d++) {
                patients[d] = (int) settings.patients()[d];
                dlts[d] = (int) settings.dlts()[d];
            }
            current = settings.currentDose() == null ? 0 : (int) (long) settings.currentDose() - 1;
            cohortDlts = settings.lastCohortDlts() == null ? 0 : (int) (long) settings.lastCohortDlts();
        }
        CrmPosterior posterior = settings.model().posterior(skeleton);
        posterior.update(patients, dlts);
        double estimate = posterior.meanBeta();
        double variance = posterior.varianceBeta();
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(0.5 + settings.confLevel() / 2);
        CrmModel model = posterior.model();
        double[] ptox = new double[doses];
        double[] lower = new double[doses];
        double[] upper = new double[doses];
        for (int d = 0; d < doses; d++) {
            ptox[d] = model.probability(d, estimate);
            // p_d decreases in beta (scaled doses are negative): the upper end of beta gives the lower end of p
            lower[d] = model.probability(d, estimate + z * Math.sqrt(variance));
            upper[d] = model.probability(d, estimate - z * Math.sqrt(variance));
        }
        int modelDose = posterior.doseClosestTo(target, false);
        int next = CrmTrial.nextDose(modelDose, current, cohortDlts, cohortSize, target, settings.restrict());
        Table table = Table.builder(context.allocator())
                .addInt64("dose", LongStream.rangeClosed(1, doses).toArray())
                .addFloat64("skeleton", skeleton)
                .addInt64("patients", Arrays.stream(patients).asLongStream().toArray())
                .addInt64("dlts", Arrays.stream(dlts).asLongStream().toArray())
                .addFloat64("ptox", ptox).addFloat64("ptoxLower", lower).addFloat64("ptoxUpper", upper)
                .build();
        String decision = settings.restrict() && next != modelDose
                ? "next dose " + (next + 1) + " (the model's dose " + (modelDose + 1) + " capped by the restrict rule)"
                : "next dose " + (next + 1);
        return MethodResult.builder().output("posterior", table)
                .summary("estimate", estimate)
                .summary("posteriorVariance", variance)
                .summary("ptox", ptox)
                .summary("ptoxLower", lower)
                .summary("ptoxUpper", upper)
                .summary("confLevel", settings.confLevel())
                .summary("modelDose", (long) (modelDose + 1))
                .summary("recommendedDose", (long) (next + 1))
                .summary("decision", decision)
                .summary("skeleton", skeleton)
                .build();
    }
}
