# Reference values for prognostic scores written as R model formulas (issue 15, item 1: "prognostic scores"):
# twin.prognostic-train, twin.procova and twin.fidelity with covariates = "~ age + sex + factor(ph.ecog)" and the
# like, and the ref= parameter (R's relevel).
#
# R 4.2.2 Patched (Debian 12), survival 3.5.3 (r-cran-survival).
# Run (from this folder):  Rscript prognostic_formula.R > prognostic_formula.out
#
# Data: survival's lung (tests/io.daybreak.methods.stats.tests/resources/survival_lung.csv, status 1 = censored,
# 2 = dead) split by institution: odd inst = historical controls (all four ph.ecog levels 0-3), even inst = a
# "trial" (no patient with ph.ecog 3) given an alternating arm 0, 1, 0, 1, ...; rows with a missing inst are left
# out. And R's infert (datasets_infert.csv; education is text with levels "0-5yrs" "12+ yrs" "6-11yrs" in R's
# order): odd rows play the synthetic table, even rows the real one. The script writes these four tables to
# ../../../../tests/io.daybreak.methods.twin.tests/resources/ and reads them back; every number below comes from
# the data as read back. Printing: sprintf("%.15g"), one labelled line per quantity.
suppressMessages(library(survival))
res <- "../../../../tests/io.daybreak.methods.twin.tests/resources/"
lung <- read.csv("../../../../tests/io.daybreak.methods.stats.tests/resources/survival_lung.csv")
lung <- lung[!is.na(lung$inst), ]
hist <- lung[lung$inst %% 2 == 1, ]
trial <- lung[lung$inst %% 2 == 0, ]
trial$arm <- rep(0:1, length.out = nrow(trial))
write.csv(hist, paste0(res, "prognostic_lung_historical.csv"), row.names = FALSE, na = "")
write.csv(trial, paste0(res, "prognostic_lung_trial.csv"), row.names = FALSE, na = "")
infert <- read.csv("../../../../tests/io.daybreak.methods.stats.tests/resources/datasets_infert.csv")
write.csv(infert[seq(1, nrow(infert), 2), ], paste0(res, "fidelity_infert_synthetic.csv"), row.names = FALSE)
write.csv(infert[seq(2, nrow(infert), 2), ], paste0(res, "fidelity_infert_real.csv"), row.names = FALSE)
hist <- read.csv(paste0(res, "prognostic_lung_historical.csv"))
trial <- read.csv(paste0(res, "prognostic_lung_trial.csv"))
synthetic <- read.csv(paste0(res, "fidelity_infert_synthetic.csv"))
real <- read.csv(paste0(res, "fidelity_infert_real.csv"))
p <- function(label, x) cat(label, ": ", paste(sprintf("%.15g", x), collapse = " "), "\n", sep = "")
cat("rows: historical", nrow(hist), "trial", nrow(trial), "synthetic", nrow(synthetic), "real", nrow(real), "\n")
cox.ctrl <- coxph.control(eps = 1e-14, toler.chol = 1e-15, iter.max = 100)
glm.ctrl <- glm.control(epsilon = 1e-14, maxit = 100)

# F. Cox prognostic score: coxph(Surv(time, status) ~ age + sex + factor(ph.ecog), hist, ties = "efron").
#    Twin's score is the UNCENTRED linear predictor x'b over the historical levels (0, 1, 2, 3).
cox <- coxph(Surv(time, status) ~ age + sex + factor(ph.ecog), hist, ties = "efron", control = cox.ctrl)
p("F.cox.terms.n", length(coef(cox)))
cat("F.cox.terms: ", paste(names(coef(cox)), collapse = " | "), "\n", sep = "")
p("F.cox.coef", coef(cox))
p("F.cox.se", sqrt(diag(vcov(cox))))
p("F.cox.events", cox$nevent)
# PROCOVA on the trial: score from the historical model on the trial's complete rows, then
# coxph(Surv(time, status) ~ arm + score) against coxph(Surv(time, status) ~ arm) on the same rows.
trial$ecog <- factor(trial$ph.ecog, levels = c(0, 1, 2, 3))
X <- model.matrix(~ age + sex + ecog, model.frame(~ age + sex + ecog, trial))
trial$ecog <- NULL
score <- rep(NA_real_, nrow(trial))
score[as.integer(rownames(X))] <- X[, -1] %*% coef(cox)
trial$score <- score
used <- trial[!is.na(trial$score), ]
adj <- coxph(Surv(time, status) ~ arm + score, used, ties = "efron", control = cox.ctrl)
unadj <- coxph(Surv(time, status) ~ arm, used, ties = "efron", control = cox.ctrl)
p("F.procova.trial_rows", nrow(used))
p("F.procova.first_scores", head(used$score, 3))
p("F.procova.adj.coef", coef(adj))
p("F.procova.adj.se", sqrt(diag(vcov(adj))))
p("F.procova.unadj.coef", coef(unadj))
p("F.procova.unadj.se", sqrt(diag(vcov(unadj))))

# G. Gaussian score with a factor's reference level changed (ref=ph.ecog=1):
#    lm(wt.loss ~ age + factor(sex) + relevel(factor(ph.ecog), ref = "1"), hist); fitted values of its first rows.
ols <- lm(wt.loss ~ age + factor(sex) + relevel(factor(ph.ecog), ref = "1"), hist)
cat("G.lm.terms: ", paste(names(coef(ols)), collapse = " | "), "\n", sep = "")
p("G.lm.coef", coef(ols))
p("G.lm.se", sqrt(diag(vcov(ols))))
p("G.lm.fitted_first", predict(ols, hist[1:3, ]))

# H. Binomial score with a text factor: glm(case ~ age + education + spontaneous, binomial, infert).
logit <- glm(case ~ age + education + spontaneous, binomial, infert, control = glm.ctrl)
cat("H.glm.terms: ", paste(names(coef(logit)), collapse = " | "), "\n", sep = "")
p("H.glm.coef", coef(logit))
p("H.glm.se", sqrt(diag(vcov(logit))))

# I. Fidelity TSTR/TRTR with covariates ~ age + education + spontaneous: glm fitted on the synthetic (odd) rows,
#    and on the real (even) rows, each scored on the real rows (link); AUC by Mann-Whitney, ties 1/2.
auc <- function(s, y) { r <- rank(s); n1 <- sum(y == 1); n0 <- sum(y == 0); (sum(r[y == 1]) - n1 * (n1 + 1) / 2) / (n1 * n0) }
onSyn <- glm(case ~ age + education + spontaneous, binomial, synthetic, control = glm.ctrl)
onReal <- glm(case ~ age + education + spontaneous, binomial, real, control = glm.ctrl)
p("I.tstr_auc", auc(predict(onSyn, real), real$case))
p("I.trtr_auc", auc(predict(onReal, real), real$case))
