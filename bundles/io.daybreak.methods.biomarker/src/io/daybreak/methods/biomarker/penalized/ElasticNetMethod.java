package io.daybreak.methods.biomarker.penalized;

import static io.daybreak.core.method.TableSpec.column;
import static io.daybreak.data.ColumnType.FLOAT64;
import static io.daybreak.data.ColumnType.INT64;
import static io.daybreak.data.ColumnType.STRING;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.daybreak.core.method.InvalidParameterException;
import io.daybreak.core.method.Method;
import io.daybreak.core.method.MethodContext;
import io.daybreak.core.method.MethodDescriptor;
import io.daybreak.core.method.MethodResult;
import io.daybreak.core.method.SettingsMethod;
import io.daybreak.core.method.TableSpec;
import io.daybreak.data.Table;
import io.daybreak.stats.biomarker.penalized.CrossValidatedPath;
import io.daybreak.stats.biomarker.penalized.CrossValidation;
import io.daybreak.stats.biomarker.penalized.Family;
import io.daybreak.stats.biomarker.penalized.Measure;
import io.daybreak.stats.biomarker.penalized.PenalizedPath;
import io.daybreak.stats.biomarker.penalized.PenalizedSettings;
import io.daybreak.stats.biomarker.penalized.Ties;
import io.daybreak.stats.models.formula.ModelFrame;

/**
 * {@code biomarker.elastic-net}: glmnet's elastic net (gaussian, binomial, Cox) over the whole λ path, with
 * cv.glmnet's K-fold cross-validation, λ_min and λ_1se, in plot-ready tables.
 */
@Component(service = Method.class)
public final class ElasticNetMethod extends SettingsMethod<ElasticNetSettings> {
    static final String ID = "biomarker.elastic-net";
    static final String INPUT = "data";

    public ElasticNetMethod() {
        super(ElasticNetSettings.class, MethodDescriptor.builder(ID, "Elastic net (lasso, ridge) with cross-validation, "
                + "as glmnet")
                .category("biomarker")
                .reference("Friedman, Hastie & Tibshirani, J Stat Softw 33(1) (2010); Simon, Friedman, Hastie & "
                        + "Tibshirani, J Stat Softw 39(5) (2011); Tibshirani et al., JRSS B 74:245-266 (2012); R "
                        + "glmnet 4.1 (glmnet, cv.glmnet)")
                .description("Fits the penalised regression (1/2n)RSS + lambda[(1 - alpha)/2 |b|^2 + alpha |b|_1] "
                        + "(gaussian), or with -(1/n) log-likelihood (binomial) or log partial likelihood (cox), over "
                        + "a decreasing lambda path by coordinate descent, exactly as R's glmnet; then K-fold "
                        + "cross-validation as cv.glmnet (folds from foldid or from the run's seed) picks lambda.min "
                        + "and lambda.1se. Features are standardised for the fit and coefficients reported on their "
                        + "own scale.")
                .input(TableSpec.of(INPUT, "one row per patient: outcome and candidate biomarkers (rows with a "
                        + "missing value in a column used are left out)"))
                .output(TableSpec.of("path", "the coefficient path in long form (for a trace plot against log "
                        + "lambda): every term non-zero somewhere on the path, at every lambda",
                        column("step", INT64), column("lambda", FLOAT64), column("term", STRING),
                        column("coefficient", FLOAT64)))
                .output(TableSpec.of("lambdas", "one row per lambda: non-zero coefficients and percent of null "
                        + "deviance explained (glmnet's print)", column("step", INT64), column("lambda", FLOAT64),
                        column("df", INT64), column("pct_dev", FLOAT64)))
                .output(TableSpec.of("cv", "the cross-validation curve (plot cvm with cvlo..cvup against log lambda)",
                        column("lambda", FLOAT64), column("cvm", FLOAT64), column("cvsd", FLOAT64),
                        column("cvup", FLOAT64), column("cvlo", FLOAT64), column("nzero", INT64)))
                .output(TableSpec.of("coefficients", "coefficients of every term at lambda.min and lambda.1se "
                        + "(coef(cv, s = \"lambda.min\"), as glmnet: intercept first except for cox)",
                        column("term", STRING), column("lambda_min", FLOAT64), column("lambda_1se", FLOAT64))));
    }

    @Override
    protected MethodResult run(Map<String, Table> inputs, ElasticNetSettings s, MethodContext context) {
        Family family = Family.valueOf(s.family().toUpperCase(Locale.ROOT));
        EnetInput input = EnetInput.read(inputs.get(INPUT), s, family);
        List<String> terms = input.terms();
        int n = input.data().rows();
        int p = terms.size();
        Measure measure = switch (s.typeMeasure()) {
            case "mse" -> Measure.MSE;
            case "auc" -> Measure.AUC;
            case "C" -> Measure.C_INDEX;
            default -> Measure.DEVIANCE;
        };
        PenalizedSettings settings = new PenalizedSettings(s.alpha(), s.nlambda(),
                s.lambdaMinRatio() == null ? Double.NaN : s.lambdaMinRatio(), s.lambda(),
                penaltyFactors(s.penaltyFactors(), terms), s.standardize(), s.intercept(), s.thresh(), 100_000,
                "efron".equals(s.ties()) ? Ties.EFRON : Ties.BRESLOW);
        int[] foldid = input.foldid() != null ? input.foldid() : folds(n, s.nfolds(), context.seed());
        context.progress(0.05, "fitting the path and " + java.util.Arrays.stream(foldid).max().orElse(0) + " folds");
        CrossValidatedPath cv;
        try {
            cv = CrossValidation.run(input.data(), settings, foldid, measure,
                    Runtime.getRuntime().availableProcessors() > 2);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(e.getMessage());
        }
        context.checkCancelled();
        PenalizedPath path = cv.fit();
        boolean intercept = family != Family.COX && s.intercept();
        return MethodResult.builder()
                .output("path", pathTable(context, path, terms, intercept))
                .output("lambdas", lambdaTable(context, path))
                .output("cv", cvTable(context, cv))
                .output("coefficients", coefficientTable(context, cv, terms, intercept))
                .summary("family", s.family())
                .summary("alpha", s.alpha())
                .summary("rows", (long) n)
                .summary("features", (long) p)
                .summary("droppedRows", (long) input.dropped())
                .summary("lambdas", (long) path.size())
                .summary("folds", (long) java.util.Arrays.stream(foldid).max().orElse(0))
                .summary("typeMeasure", cv.measure().name().toLowerCase(Locale.ROOT).replace("c_index", "C"))
                .summary("lambdaMin", cv.lambdaMin())
                .summary("lambda1se", cv.lambda1se())
                .summary("nzeroMin", (long) path.df()[cv.indexMin()])
                .summary("nzero1se", (long) path.df()[cv.index1se()])
                .summary("nullDeviance", path.nullDeviance())
                .build();
    }

    private static int[] folds(int n, int k, long seed) {
        if (k > n) {
            throw new InvalidParameterException("parameter 'nfolds' is " + k + " but only " + n + " complete rows; "
                    + "give at most " + n);
        }
        return CrossValidation.folds(n, k, seed);
    }

    static double[] penaltyFactors(String text, List<String> terms) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Map<String, Integer> index = new HashMap<>();
        for (int j = 0; j < terms.size(); j++) {
            index.put(terms.get(j), j);
        }
        double[] pf = new double[terms.size()];
        java.util.Arrays.fill(pf, 1);
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new InvalidParameterException("parameter 'penaltyFactors': '" + pair.trim() + "' is not "
                        + "term=factor, e.g. age=0");
            }
            String term = pair.substring(0, eq).trim();
            Integer j = index.get(term);
            if (j == null) {
                throw new InvalidParameterException("parameter 'penaltyFactors': no term '" + term + "' in the model "
                        + "(terms: " + String.join(", ", terms.size() > 20 ? terms.subList(0, 20) : terms)
                        + (terms.size() > 20 ? ", ..." : "") + ")");
            }
            double v;
            try {
                v = Double.parseDouble(pair.substring(eq + 1).trim());
            } catch (NumberFormatException e) {
                throw new InvalidParameterException("parameter 'penaltyFactors': the factor of '" + term + "' is not a "
                        + "number: '" + pair.substring(eq + 1).trim() + "'");
            }
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new InvalidParameterException("parameter 'penaltyFactors': the factor of '" + term + "' is " + v
                        + "; factors must be finite and >= 0");
            }
            pf[j] = v;
        }
        double sum = java.util.Arrays.stream(pf).sum();
        if (sum == 0) {
            throw new InvalidParameterException("parameter 'penaltyFactors': every term has factor 0; at least one "
                    + "must be penalised");
        }
        return pf;
    }

    private static Table pathTable(MethodContext context, PenalizedPath path, List<String> terms, boolean intercept) {
        List<Object> step = new ArrayList<>();
        List<Object> lambda = new ArrayList<>();
        List<Object> term = new ArrayList<>();
        List<Object> coef = new ArrayList<>();
        int p = terms.size();
        boolean[] ever = new boolean[p];
        for (double[] b : path.beta()) {
            for (int j = 0; j < p; j++) {
                ever[j] |= b[j] != 0;
            }
        }
        for (int m = 0; m < path.size(); m++) {
            if (intercept) {
                step.add((long) m + 1);
                lambda.add(path.lambda()[m]);
                term.add(ModelFrame.INTERCEPT);
                coef.add(path.intercept()[m]);
            }
            for (int j = 0; j < p; j++) {
                if (ever[j]) {
                    step.add((long) m + 1);
                    lambda.add(path.lambda()[m]);
                    term.add(terms.get(j));
                    coef.add(path.beta()[m][j]);
                }
            }
        }
        return Table.builder(context.allocator()).add("step", INT64, step).add("lambda", FLOAT64, lambda)
                .add("term", STRING, term).add("coefficient", FLOAT64, coef).build();
    }

    private static Table lambdaTable(MethodContext context, PenalizedPath path) {
        long[] step = new long[path.size()];
        long[] df = new long[path.size()];
        double[] dev = new double[path.size()];
        for (int m = 0; m < path.size(); m++) {
            step[m] = m + 1;
            df[m] = path.df()[m];
            dev[m] = 100 * path.devRatio()[m];
        }
        return Table.builder(context.allocator()).addInt64("step", step).addFloat64("lambda", path.lambda())
                .addInt64("df", df).addFloat64("pct_dev", dev).build();
    }

    private static Table cvTable(MethodContext context, CrossValidatedPath cv) {
        int nl = cv.cvm().length;
        double[] up = new double[nl];
        double[] lo = new double[nl];
        long[] nz = new long[nl];
        for (int m = 0; m < nl; m++) {
            up[m] = cv.cvup(m);
            lo[m] = cv.cvlo(m);
            nz[m] = cv.fit().df()[m];
        }
        return Table.builder(context.allocator()).addFloat64("lambda", cv.fit().lambda()).addFloat64("cvm", cv.cvm())
                .addFloat64("cvsd", cv.cvsd()).addFloat64("cvup", up).addFloat64("cvlo", lo).addInt64("nzero", nz)
                .build();
    }

    private static Table coefficientTable(MethodContext context, CrossValidatedPath cv, List<String> terms,
            boolean intercept) {
        PenalizedPath path = cv.fit();
        int p = terms.size();
        int offset = intercept ? 1 : 0;
        String[] names = new String[p + offset];
        double[] min = new double[p + offset];
        double[] se = new double[p + offset];
        if (intercept) {
            names[0] = ModelFrame.INTERCEPT;
            min[0] = path.intercept()[cv.indexMin()];
            se[0] = path.intercept()[cv.index1se()];
        }
        for (int j = 0; j < p; j++) {
            names[j + offset] = terms.get(j);
            min[j + offset] = path.beta()[cv.indexMin()][j];
            se[j + offset] = path.beta()[cv.index1se()][j];
        }
        return Table.builder(context.allocator()).addString("term", names).addFloat64("lambda_min", min)
                .addFloat64("lambda_1se", se).build();
    }
}
