# Reference values for causal-inference methods on the VA lung cancer trial (survival::veteran, shared as
# survival_veteran.csv): propensity model, IPTW weights (ATE, stabilised ATE, ATT, overlap), covariate balance
# by cobalt's conventions (computed by hand), IPTW / g-computation / AIPW / TMLE effects, nearest-neighbour
# matching with MatchIt (cross-checked by a base-R transcription of its greedy algorithm), IPTW-weighted
# Kaplan-Meier and Cox, and E-values.
# R 4.2.2, survival 3.5.3, MatchIt 4.5.1 (Debian r-cran-matchit). cobalt, tmle and EValue are not packaged in
# Debian 12, so balance, TMLE and E-values are computed by their published formulas in base R. MatchIt 4.5.1's
# fast nearest-neighbour path is defective (section 5): the reference matches come from the same matching run
# through its general path (mahvars = ~ ps) and are confirmed by a base-R transcription.
# Run (from this folder): Rscript causal.R [path/to/survival_veteran.csv] > causal.out
#
# Definitions (all 137 rows): A = 1 if trt == 2 (test) else 0; covariates age, karno, diagtime, prior10 =
# 1 if prior == 10 else 0; Y = 1 if time <= 100 and status == 1 (death within 100 days) else 0; Ylog = log(time).
# Every glm is fitted with glm.control(epsilon = 1e-14, maxit = 100) (R's default 1e-8 stops ~1e-8 short of
# the MLE); MatchIt fits its own propensity glm with R's defaults (the difference is printed in section 5).
# Variances and SDs use var()/sd() (n - 1 denominator) unless a line says "(1/n)".
suppressMessages(library(survival))
suppressMessages(library(MatchIt))
args <- commandArgs(trailingOnly = TRUE)
path <- if (length(args) >= 1) args[1] else "../../../../../shared/data/survival_veteran.csv"
d <- read.csv(path)

# Printing: every number with 15 significant digits; named vectors print name=value.
f15 <- function(x) ifelse(is.na(x), "NA", sprintf("%.15g", x))
out <- function(label, x) {
  v <- f15(x)
  if (!is.null(names(x))) v <- paste0(names(x), "=", v)
  cat(label, ": ", paste(v, collapse = " "), "\n", sep = "")
}
sec <- function(s) cat("\n== ", s, "\n", sep = "")

cat("R ", R.version$major, ".", R.version$minor, "; survival ", as.character(packageVersion("survival")),
    "; MatchIt ", as.character(packageVersion("MatchIt")), "\n", sep = "")

# ---- Data and derived variables ----------------------------------------------------------------------------
d$A <- as.integer(d$trt == 2)
d$prior10 <- as.integer(d$prior == 10)
d$Y <- as.integer(d$time <= 100 & d$status == 1)
d$Ylog <- log(d$time)
covs <- c("age", "karno", "diagtime", "prior10")
binary <- c(age = FALSE, karno = FALSE, diagtime = FALSE, prior10 = TRUE)
A <- d$A; Y <- d$Y; n <- nrow(d)
t1 <- A == 1; t0 <- A == 0
ctl <- glm.control(epsilon = 1e-14, maxit = 100)
sec("data")
out("n, n_treated (trt==2), n_control (trt==1)", c(n, sum(t1), sum(t0)))
out("sum(Y) overall, treated, control", c(sum(Y), sum(Y[t1]), sum(Y[t0])))
out("mean(Y) treated, control", c(mean(Y[t1]), mean(Y[t0])))
out("mean(Ylog) treated, control", c(mean(d$Ylog[t1]), mean(d$Ylog[t0])))

# ---- 1. Propensity model: logistic regression of A on the covariates ---------------------------------------
sec("1. propensity model glm(A ~ age + karno + diagtime + prior10, binomial)")
psm <- glm(A ~ age + karno + diagtime + prior10, binomial, d, control = ctl)
e <- unname(fitted(psm))
out("coef", coef(psm))
out("se", sqrt(diag(vcov(psm))))
out("deviance, null deviance, iterations", c(deviance(psm), psm$null.deviance, psm$iter))
out("e all: min max mean", c(min(e), max(e), mean(e)))
out("e treated: min max mean", c(min(e[t1]), max(e[t1]), mean(e[t1])))
out("e control: min max mean", c(min(e[t0]), max(e[t0]), mean(e[t0])))
out("e rows 1..5", e[1:5])
out("e rows 70..74", e[70:74])

# ---- 2. IPTW weights: definition, per-arm weighted covariate means, ESS, min/max ---------------------------
sec("2. IPTW weights")
pA <- mean(A)
W <- list(
  ATE      = A / e + (1 - A) / (1 - e),
  ATE_stab = A * pA / e + (1 - A) * (1 - pA) / (1 - e),
  ATT      = A + (1 - A) * e / (1 - e),
  ATO      = A * (1 - e) + (1 - A) * e)
out("mean(A) used for stabilisation", pA)
wmean <- function(x, w) sum(w * x) / sum(w)
ess <- function(w) sum(w)^2 / sum(w^2)
for (nm in names(W)) {
  w <- W[[nm]]
  for (arm in c("treated", "control")) {
    s <- if (arm == "treated") t1 else t0
    out(sprintf("%s %s: sum(w) ESS min(w) max(w)", nm, arm), c(sum(w[s]), ess(w[s]), min(w[s]), max(w[s])))
    out(sprintf("%s %s weighted means", nm, arm), sapply(covs, function(v) wmean(d[[v]][s], w[s])))
  }
}

# ---- 3. Balance, cobalt conventions ------------------------------------------------------------------------
# Continuous: SMD = (weighted mean treated - weighted mean control) / SD denominator, denominator from the
# UNWEIGHTED sample with var() (n - 1): ATE and ATO pooled sqrt((var_t + var_c) / 2); ATT sd of treated.
# Binary (prior10): raw difference in proportions (cobalt's default binary = "raw"), no standardisation.
# Stabilised ATE weights give exactly the ATE balance (arm-wise constant rescaling), so it is not repeated.
sec("3. balance (cobalt conventions, by hand)")
vt <- sapply(covs, function(v) var(d[[v]][t1])); vc <- sapply(covs, function(v) var(d[[v]][t0]))
out("var treated (n-1)", vt); out("var control (n-1)", vc)
den <- list(pooled = sqrt((vt + vc) / 2), treated = sqrt(vt))
out("SD denominator pooled sqrt((var_t+var_c)/2)", den$pooled)
out("SD denominator treated sd", den$treated)
bal <- function(w, denom) sapply(covs, function(v) {
  dm <- wmean(d[[v]][t1], w[t1]) - wmean(d[[v]][t0], w[t0])
  if (binary[[v]]) dm else dm / denom[[v]]
})
one <- rep(1, n)
out("before, raw mean differences (treated - control)", bal(one, setNames(rep(1, 4), covs)))
out("before, SMD pooled denominator (ATE/ATO convention; prior10 raw diff)", bal(one, den$pooled))
out("before, SMD treated denominator (ATT convention; prior10 raw diff)", bal(one, den$treated))
out("after ATE, SMD pooled (prior10 raw diff)", bal(W$ATE, den$pooled))
out("after ATT, SMD treated (prior10 raw diff)", bal(W$ATT, den$treated))
out("after ATO, SMD pooled (prior10 raw diff)", bal(W$ATO, den$pooled))
out("check: max |ATO weighted mean diff| (exact balance of the ps-model covariates expected, ~0)",
    max(abs(sapply(covs, function(v) wmean(d[[v]][t1], W$ATO[t1]) - wmean(d[[v]][t0], W$ATO[t0])))))

# ---- 4. Effects on Y (binary) and Ylog (continuous), ATE ---------------------------------------------------
sec("4. ATE estimators")
z975 <- qnorm(0.975)
out("qnorm(0.975)", z975)
d1 <- d; d1$A <- 1; d0 <- d; d0$A <- 0
effects <- function(yname, family) {
  y <- d[[yname]]
  cat("-- outcome", yname, "\n")
  # 4a. IPTW Hajek (normalised weights; ATE weights): difference of weighted arm means.
  w <- W$ATE
  mu1h <- wmean(y[t1], w[t1]); mu0h <- wmean(y[t0], w[t0])
  out(paste(yname, "4a IPTW Hajek ATE: mu1 mu0 diff"), c(mu1h, mu0h, mu1h - mu0h))
  # Horvitz-Thompson (unnormalised), for reference only.
  out(paste(yname, "4a' IPTW Horvitz-Thompson ATE: mean(A*y/e) mean((1-A)*y/(1-e)) diff"),
      c(mean(A * y / e), mean((1 - A) * y / (1 - e)), mean(A * y / e) - mean((1 - A) * y / (1 - e))))
  # Hajek with the other weights (these target ATT and ATO, not the ATE), for reference.
  for (nm in c("ATT", "ATO")) {
    w2 <- W[[nm]]
    out(paste(yname, "4a'' IPTW Hajek", nm, "weights: mu1 mu0 diff"),
        c(wmean(y[t1], w2[t1]), wmean(y[t0], w2[t0]), wmean(y[t1], w2[t1]) - wmean(y[t0], w2[t0])))
  }
  # 4b. g-computation: single outcome model with A as a covariate, predictions with A set to 1 and to 0.
  fo <- as.formula(paste(yname, "~ A + age + karno + diagtime + prior10"))
  om <- if (family == "binomial") glm(fo, binomial, d, control = ctl) else lm(fo, d)
  out(paste(yname, "outcome model coef"), coef(om))
  out(paste(yname, "outcome model se"), sqrt(diag(vcov(om))))
  m1 <- unname(predict(om, d1, type = "response")); m0 <- unname(predict(om, d0, type = "response"))
  out(paste(yname, "4b g-computation: mean(m1) mean(m0) diff"), c(mean(m1), mean(m0), mean(m1) - mean(m0)))
  # 4c. AIPW with the same outcome model; influence-function SEs with 1/n and with n-1.
  phi1 <- m1 + A * (y - m1) / e; phi0 <- m0 + (1 - A) * (y - m0) / (1 - e)
  mu1a <- mean(phi1); mu0a <- mean(phi0); psi <- mu1a - mu0a
  IF <- phi1 - phi0 - psi
  se_n <- sqrt(mean(IF^2) / n); se_n1 <- sd(IF) / sqrt(n)
  out(paste(yname, "4c AIPW: mu1 mu0 psi"), c(mu1a, mu0a, psi))
  out(paste(yname, "4c AIPW SE: sqrt(var_n/n) [1/n], sd(IF)/sqrt(n) [n-1]"), c(se_n, se_n1))
  out(paste(yname, "4c AIPW 95% CI with sd/sqrt(n) [n-1]"), psi + c(-1, 1) * z975 * se_n1)
  list(m1 = m1, m0 = m0, om = om, mu1a = mu1a, mu0a = mu0a, phi1 = phi1, phi0 = phi0, mu1h = mu1h, mu0h = mu0h)
}
rb <- effects("Y", "binomial")
rc <- effects("Ylog", "gaussian")

# 4d. TMLE (binary Y, ATE), hand-coded: logistic fluctuation of the initial Q along H = A/e - (1-A)/(1-e).
# No truncation of e (tmle's default gbound 0.025 would not bind: e lies in [0.403, 0.606], see section 1).
sec("4d. TMLE for Y (ATE)")
m1 <- rb$m1; m0 <- rb$m0
QA <- ifelse(A == 1, m1, m0)
H <- A / e - (1 - A) / (1 - e)
flu <- glm(Y ~ -1 + H + offset(qlogis(QA)), binomial, data.frame(Y = Y, H = H, QA = QA), control = ctl)
eps <- unname(coef(flu))
Q1s <- plogis(qlogis(m1) + eps / e); Q0s <- plogis(qlogis(m0) - eps / (1 - e))
QAs <- ifelse(A == 1, Q1s, Q0s)
psi_t <- mean(Q1s - Q0s)
IFt <- H * (Y - QAs) + Q1s - Q0s - psi_t
out("epsilon, its glm SE", c(eps, sqrt(vcov(flu)[1, 1])))
out("check: mean(H*(Y-Q*_A)) (score equation, ~0)", mean(H * (Y - QAs)))
out("TMLE mean(Q1*) mean(Q0*) psi", c(mean(Q1s), mean(Q0s), psi_t))
out("TMLE SE: sqrt(var_n/n) [1/n], sd(IF)/sqrt(n) [n-1]", c(sqrt(mean(IFt^2) / n), sd(IFt) / sqrt(n)))
out("TMLE 95% CI with sd/sqrt(n) [n-1]", psi_t + c(-1, 1) * z975 * sd(IFt) / sqrt(n))

# 4e. Marginal risk ratio and odds ratio for Y from each estimator's marginal risks; for AIPW also
# influence-function (delta-method) SEs of log RR and log OR: IF_logRR = IF1/mu1 - IF0/mu0,
# IF_logOR = IF1/(mu1(1-mu1)) - IF0/(mu0(1-mu0)), SE = sd(IF)/sqrt(n) [n-1].
sec("4e. risk ratio and odds ratio for Y")
rr_or <- function(p1, p0) c(RD = p1 - p0, RR = p1 / p0, OR = (p1 / (1 - p1)) / (p0 / (1 - p0)))
out("IPTW Hajek: RD RR OR", rr_or(rb$mu1h, rb$mu0h))
out("g-computation: RD RR OR", rr_or(mean(m1), mean(m0)))
out("AIPW: RD RR OR", rr_or(rb$mu1a, rb$mu0a))
out("TMLE: RD RR OR", rr_or(mean(Q1s), mean(Q0s)))
mu1a <- rb$mu1a; mu0a <- rb$mu0a
IF1 <- rb$phi1 - mu1a; IF0 <- rb$phi0 - mu0a
se_lrr <- sd(IF1 / mu1a - IF0 / mu0a) / sqrt(n)
se_lor <- sd(IF1 / (mu1a * (1 - mu1a)) - IF0 / (mu0a * (1 - mu0a))) / sqrt(n)
rr_ci <- exp(log(mu1a / mu0a) + c(-1, 1) * z975 * se_lrr)
or_a <- (mu1a / (1 - mu1a)) / (mu0a / (1 - mu0a))
or_ci <- exp(log(or_a) + c(-1, 1) * z975 * se_lor)
out("AIPW SE(log RR), 95% CI RR", c(se_lrr, rr_ci))
out("AIPW SE(log OR), 95% CI OR", c(se_lor, or_ci))

# ---- 5. Nearest-neighbour matching (MatchIt), ATT ----------------------------------------------------------
# Documented behaviour (MatchIt 4.5.1 ?method_nearest, ?matchit): m.order default NULL = "largest" when a
# propensity score is estimated: treated units are matched one at a time in decreasing order of the distance
# (R's order(), stable, so equal scores keep data order); with replace = TRUE (reuse.max >= n1) matchit2nearest
# sets m.order = "data". distance = "glm" with link "logit": the distance is the fitted propensity score
# (probability scale; MatchIt's own glm with R's default glm.control). Each treated unit gets the closest
# still-available control by |distance difference|; caliper = 0.2 with std.caliper = TRUE means a width of
# 0.2 * sd(distance) over all units (sd with n - 1), and a pair is allowed when |diff| <= width.
# ATT match weights: matched treated 1; each control sum over its treated partners of 1/(number of controls
# of that partner), then control weights rescaled to sum to the number of distinct matched controls.
#
# DEFECTS of MatchIt 4.5.1 as built by Debian (checked in the machine code of MatchIt.so and reproduced
# exactly below): the fast path used for a plain propensity-score distance (C++ nn_matchC_vec, new in 4.5.1)
#  (i) calls abs() on a double difference, which binds to the integer abs(): every |diff| < 1 becomes 0, so
#      the caliper never excludes a control and the control to the LEFT (next smaller score, in the stable
#      ascending sort of all units) is always taken when one is available, else the next larger one;
#  (ii) with replace = TRUE and ratio > 1 compares a 0-based with a 1-based index when excluding controls
#      already matched to the same treated unit, so a treated unit gets the same control twice
#      (kosukeimai/MatchIt issue #159, fixed after 4.5.2). Current MatchIt uses std::abs.
# The general C++ path (nn_matchC, used when mahvars is given) is free of both defects. Matching on
# mahvars = ~ ps, where ps is the propensity column equal to MatchIt's own distance, orders controls by
# |ps difference| (a one-variable Mahalanobis distance is |diff| / s), keeps the caliper on the propensity
# score and m.order = "largest": that call gives the INTENDED nearest-neighbour matches and is the reference
# to pin. Its tie rule (not exercised here: no two controls share a score) is the first minimum in data order
# (which_min) without replacement; with replacement the ratio nearest come from std::partial_sort.
# greedy_nn() is a base-R transcription of both behaviours; it reproduces each MatchIt call exactly.
sec("5. nearest-neighbour matching (ATT)")
greedy_nn <- function(ps, A, ratio = 1, replace = FALSE, caliper = NULL, defective451 = FALSE) {
  tr <- which(A == 1); co <- which(A == 0)
  ord <- if (replace) tr else tr[order(ps[tr], decreasing = TRUE)]   # "data" when replace, else "largest"
  reuse.max <- if (replace) .Machine$integer.max else 1L
  pos <- integer(length(ps)); pos[sort.list(ps)] <- seq_along(ps)    # position in the stable ascending sort
  used <- integer(length(A)); gap <- Inf          # gap: smallest margin of any decision (robustness)
  mm <- matrix(NA_integer_, length(tr), ratio, dimnames = list(tr, NULL))
  for (r in seq_len(ratio)) for (t in ord) {
    prev <- mm[as.character(t), ]; prev <- prev[!is.na(prev)]
    excl <- if (defective451) prev + 1L else prev  # (ii): 4.5.1 excludes the row after the one already used
    cand <- co[used[co] < reuse.max & !(co %in% excl)]               # data order
    if (!length(cand)) next
    if (defective451) {                            # (i): left neighbour if any, else right; no caliper
      left <- cand[pos[cand] < pos[t]]
      k <- if (length(left)) left[which.max(pos[left])] else cand[which.min(pos[cand])]
    } else {
      dd <- abs(ps[cand] - ps[t])
      if (!is.null(caliper)) gap <- min(gap, abs(min(dd) - caliper))
      if (!is.null(caliper) && min(dd) > caliper) next
      k <- cand[which.min(dd)]                     # first minimum in data order
      if (length(dd) > 1) gap <- min(gap, sort(dd)[2] - min(dd))
    }
    mm[as.character(t), r] <- k; used[k] <- used[k] + 1L
  }
  attr(mm, "gap") <- gap
  mm
}
strip <- function(mm) { attr(mm, "gap") <- NULL; unname(mm) }
mm_weights <- function(mm, A) {                    # MatchIt's ATT match weights from a match matrix
  w <- numeric(length(A))
  for (i in seq_len(nrow(mm))) {
    c_i <- mm[i, !is.na(mm[i, ])]
    if (!length(c_i)) next
    w[as.integer(rownames(mm)[i])] <- 1
    for (k in c_i) w[k] <- w[k] + 1 / length(c_i)
  }
  c0 <- A == 0 & w > 0
  w[c0] <- w[c0] * sum(c0) / sum(w[c0])
  w
}
as_int_mm <- function(m) matrix(as.integer(m$match.matrix), nrow(m$match.matrix),
                                dimnames = list(rownames(m$match.matrix), NULL))
pairs_str <- function(mm) paste(sapply(seq_len(nrow(mm)), function(i)
  paste0(rownames(mm)[i], ":", paste(mm[i, ], collapse = ","))), collapse = " ")
report <- function(tag, w) {
  out(paste(tag, "matched n treated, control"), c(sum(w[t1] > 0), sum(w[t0] > 0)))
  out(paste(tag, "weights treated: min max sum"), c(min(w[t1]), max(w[t1]), sum(w[t1])))
  out(paste(tag, "weights matched controls: min max sum"), c(min(w[t0 & w > 0]), max(w[t0 & w > 0]), sum(w[t0])))
  out(paste(tag, "matched treated covariate means"), sapply(covs, function(v) wmean(d[[v]][t1], w[t1])))
  out(paste(tag, "matched control covariate means"), sapply(covs, function(v) wmean(d[[v]][t0], w[t0])))
  out(paste(tag, "matched SMD, treated-SD denominator of the full sample (prior10 raw diff)"), bal(w, den$treated))
  for (yn in c("Y", "Ylog")) {
    y <- d[[yn]]; a <- wmean(y[t1], w[t1]); b <- wmean(y[t0], w[t0])
    out(paste(tag, "ATT", yn, ": mean treated, mean control, difference"), c(a, b, a - b))
  }
}
d$ps <- unname(fitted(glm(A ~ age + karno + diagtime + prior10, binomial, d)))  # = MatchIt's distance
out("control propensity scores: number of duplicated values (ties)", sum(duplicated(e[t0])))
out("treated propensity scores: number of duplicated values (ties)", sum(duplicated(e[t1])))
specs <- list(
  list(name = "NN1 ratio=1 replace=FALSE", ratio = 1, replace = FALSE, caliper = NULL),
  list(name = "NN1cal ratio=1 replace=FALSE caliper=0.2", ratio = 1, replace = FALSE, caliper = 0.2),
  list(name = "NN2rep ratio=2 replace=TRUE", ratio = 2, replace = TRUE, caliper = NULL))
tr_idx <- which(t1)
for (sp in specs) {
  cat("\n-- ", sp$name, "\n", sep = "")
  # (a) the call as specified; 4.5.1 takes the defective fast path.
  m <- matchit(A ~ age + karno + diagtime + prior10, data = d, method = "nearest", distance = "glm",
               ratio = sp$ratio, replace = sp$replace, estimand = "ATT", caliper = sp$caliper)
  # (b) the same matching on mahvars = ~ ps: the intended algorithm (reference values).
  mv <- matchit(A ~ age + karno + diagtime + prior10, data = d, method = "nearest", distance = "glm",
                mahvars = ~ ps, ratio = sp$ratio, replace = sp$replace, estimand = "ATT", caliper = sp$caliper)
  dist <- unname(m$distance)
  out("max |MatchIt distance - d$ps|, max |MatchIt distance - e (tight glm)|", c(max(abs(dist - d$ps)), max(abs(dist - e))))
  cal <- NULL
  if (!is.null(sp$caliper)) {
    cal <- unname(mv$caliper)
    out("caliper width: MatchIt m$caliper, 0.2*sd(distance) recomputed", c(cal, 0.2 * sd(dist)))
  }
  cat("m.order used: ", if (sp$replace) "data (forced by replace=TRUE)" else "largest (default)", "\n", sep = "")
  if (!sp$replace) cat("matching order (treated rows, decreasing distance): ",
                       paste(tr_idx[order(dist[t1], decreasing = TRUE)], collapse = " "), "\n", sep = "")
  # Reference: (b) mahvars route.
  mmv <- as_int_mm(mv); wv <- unname(mv$weights)
  cat("REFERENCE (b) matchit(..., mahvars = ~ ps) pairs treated:controls (1-based rows; NA = unmatched): ",
      pairs_str(mmv), "\n", sep = "")
  g <- greedy_nn(dist, A, sp$ratio, sp$replace, cal)
  out("smallest decision margin (2nd-nearest minus nearest |diff|, or | |diff| - caliper |)", attr(g, "gap"))
  attr(g, "gap") <- NULL
  cat("base-R transcription identical to (b): ", identical(unname(g), unname(mmv)),
      "; weights max abs diff ", f15(max(abs(mm_weights(g, A) - wv))), "\n", sep = "")
  cat("same matches from the tight-glm scores e (caliper 0.2*sd(e)): ",
      identical(unname(g), strip(greedy_nn(e, A, sp$ratio, sp$replace,
                                           if (is.null(cal)) NULL else 0.2 * sd(e)))), "\n", sep = "")
  dd <- abs(dist[as.integer(rownames(mmv))] - dist[mmv[, 1]])
  out("|ps difference| of 1st matches: min max mean", c(min(dd, na.rm = TRUE), max(dd, na.rm = TRUE), mean(dd, na.rm = TRUE)))
  report("REFERENCE", wv)
  # Defective default route (a), for the record.
  mmd <- as_int_mm(m)
  cat("MatchIt 4.5.1 default route (a) pairs treated:controls: ", pairs_str(mmd), "\n", sep = "")
  gd <- greedy_nn(dist, A, sp$ratio, sp$replace, cal, defective451 = TRUE); attr(gd, "gap") <- NULL
  cat("transcription of the 4.5.1 defects identical to (a): ", identical(unname(gd), unname(mmd)),
      "; weights max abs diff ", f15(max(abs(mm_weights(gd, A) - unname(m$weights)))), "\n", sep = "")
  dd <- abs(dist[as.integer(rownames(mmd))] - dist[mmd[, 1]])
  out("(a) |ps difference| of 1st matches: min max mean", c(min(dd), max(dd), mean(dd)))
  report("MatchIt451-default(a)", unname(m$weights))
}

# ---- 6. IPTW-weighted Kaplan-Meier and Cox (ATE weights, unstabilised) -------------------------------------
sec("6. weighted Kaplan-Meier and Cox, ATE weights")
d$w <- W$ATE
sf <- survfit(Surv(time, status == 1) ~ A, data = d, weights = w)
ss <- summary(sf, times = c(100, 200))
for (i in seq_along(ss$time)) out(sprintf("KM %s t=%g: surv n.risk(weighted) std.err", ss$strata[i], ss$time[i]),
                                  c(ss$surv[i], ss$n.risk[i], ss$std.err[i]))
ssu <- summary(survfit(Surv(time, status == 1) ~ A, data = d), times = c(100, 200))
for (i in seq_along(ssu$time)) out(sprintf("unweighted KM %s t=%g: surv", ssu$strata[i], ssu$time[i]), ssu$surv[i])
cctl <- coxph.control(eps = 1e-14, toler.chol = 1e-15, iter.max = 100)
for (ties in c("efron", "breslow")) {
  cf <- coxph(Surv(time, status == 1) ~ A, data = d, weights = w, robust = TRUE, ties = ties, control = cctl)
  out(sprintf("weighted Cox (%s): coef HR naive.se robust.se", ties),
      unname(c(coef(cf), exp(coef(cf)), sqrt(cf$naive.var[1, 1]), sqrt(vcov(cf)[1, 1]))))
}
cu <- coxph(Surv(time, status == 1) ~ A, data = d, control = cctl)
out("unweighted Cox (efron): coef HR se", unname(c(coef(cu), exp(coef(cu)), sqrt(vcov(cu)[1, 1]))))

# ---- 7. E-values (VanderWeele & Ding 2017) ----------------------------------------------------------------
# E(RR) = RR + sqrt(RR (RR - 1)) for RR >= 1, and E(1/RR) for RR < 1. For the CI: the limit closer to 1
# (lower limit if RR > 1, upper if RR < 1), E = 1 when the CI includes 1.
# Conversions to the RR scale: OR (rare outcome) RR = OR, OR (common, > 15%) RR = sqrt(OR);
# HR (rare) RR = HR, HR (common) RR = (1 - 0.5^sqrt(HR)) / (1 - 0.5^sqrt(1/HR)).
sec("7. E-values")
ev <- function(rr) { rr <- ifelse(rr < 1, 1 / rr, rr); rr + sqrt(rr * (rr - 1)) }
ev_ci <- function(est, lo, hi) if (est >= 1) { if (lo <= 1) 1 else ev(lo) } else { if (hi >= 1) 1 else ev(hi) }
hr2rr <- function(hr) (1 - 0.5^sqrt(hr)) / (1 - 0.5^sqrt(1 / hr))
evrow <- function(label, est, lo, hi) out(paste(label, ": RR-scale est lo hi, E(est), E(CI)"),
                                          c(est, lo, hi, ev(est), ev_ci(est, lo, hi)))
evrow("published RR 3.9 (1.8, -)", 3.9, 1.8, Inf)
evrow("OR 2.5 (1.3, 4.8) rare (RR = OR)", 2.5, 1.3, 4.8)
evrow("OR 2.5 (1.3, 4.8) common (RR = sqrt(OR))", sqrt(2.5), sqrt(1.3), sqrt(4.8))
evrow("HR 0.6 (0.45, 0.8) rare (RR = HR)", 0.6, 0.45, 0.8)
evrow("HR 0.6 (0.45, 0.8) common (RR = hr2rr(HR))", hr2rr(0.6), hr2rr(0.45), hr2rr(0.8))
evrow("this data: AIPW marginal RR for Y with IF CI", mu1a / mu0a, rr_ci[1], rr_ci[2])
