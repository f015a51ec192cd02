# Reference values for the digital-twin methods (io.daybreak.methods.twin): tumour-growth-inhibition (TGI)
# fits in the Stein/Wilkerson style of R package tumgr's gdrate(), the Guenther-Schouten PROCOVA sample
# size, PROCOVA prognostic-score adjustment (linear, logistic, Cox), penalised (ridge) prognostic scores with
# glmnet, and synthetic-data fidelity metrics.
#
# R 4.2.2 Patched (2022-11-10 r83330), Debian 12; survival 3.5.3 (r-cran-survival); glmnet 4.1-6
# (r-cran-glmnet, `apt-get install -y r-cran-glmnet`). tumgr is not packaged in Debian, so its gdrate()
# rules are transcribed in base R (see section A below).
#
# Run (from this folder):  Rscript twin.R > twin.out
# The script first (re)generates three deterministic CSV files (set.seed) in
#   ../../../../tests/io.daybreak.methods.twin.tests/resources/
# (tgi_longitudinal.csv, procova_historical.csv, procova_trial.csv), numbers rounded to <= 6 decimals, then
# READS THEM BACK with read.csv; every reference number is computed from the data as read back (the CSV files
# are the ground truth, not the unrounded simulation values).
#
# Printing: every number via sprintf("%.15g"); one labelled line per quantity; sections A-E.
#
# ---- Definitions ------------------------------------------------------------------------------------------
# A. TGI (tumgr-style). Per patient, rows sorted by time; f(t) = size(t) / size(first row), t = time - first
#    time (days). Patients with < 3 measurements: "not fitted: fewer than 3 measurements". Four models fitted
#    by nonlinear least squares on f (NOT log f):
#      dx   : f = exp(-d t)                                   params d
#      gx   : f = exp(g t)                                    params g
#      gd   : f = exp(-d t) + exp(g t) - 1                    params d, g
#      gdphi: f = phi exp(g t) + (1 - phi) exp(-d t)          params phi, d, g
#    nls(algorithm = "port"), lower = 0 for d, g, phi; upper = 1 for phi (Inf otherwise); control
#    list(maxiter = 1000, eval.max = 4000, warnOnly = TRUE), i.e. PORT's default rel.tol / x.tol (nls.control's
#    tol is not used by "port"; tightening rel.tol to 1e-12..1e-14 makes PORT stop with "singular
#    convergence (7)", which nls flags as not converged). Starting grid: d in {0.001,0.005,0.01,0.02,0.05},
#    g in {0.0005,0.002,0.005,0.01}, phi in {0.1,0.5,0.9} (all combinations of the model's parameters); a fit
#    counts as converged when fit$convInfo$isConv is TRUE (PORT codes 3-6); the converged fit with the lowest
#    RSS is kept. If no start converges, the lowest-RSS non-converged result is printed as
#    "bestNonConverged" (these are all gdphi fits whose infimum lies at phi -> 0, where g is unidentified or
#    runs to infinity) and the model is not eligible.
#    Polish: PORT at its default tolerances only pins the estimates to ~1e-8 relative, so the kept optimum is
#    refined by projected Gauss-Newton with the ANALYTIC Jacobian (solves J'r = 0 on the free parameters;
#    a parameter within 1e-8 of its bound whose RSS gradient points outwards is held exactly at the bound).
#    The polished estimates, RSS, SE, p and AIC are the reference; the raw PORT estimates
#    ("port_unpolished.estimate"), summary.nls's SEs (forward-difference Jacobian, numericDeriv) and AIC(nls)
#    are printed too, so the size of the optimiser noise is visible (~1e-9 relative for well-conditioned fits,
#    up to ~1e-5 for ill-conditioned gdphi fits; pin those loosely).
#    Models need n - 1 > p: every model has f(0) = 1 exactly, so the baseline residual is always 0 and only
#    n - 1 points carry information; with n - 1 <= p the fit interpolates (RSS ~ 1e-32) and its SEs are noise.
#    Such models are "not attempted". If the analytic Jacobian at the optimum has condition number > 1e10
#    (kappa(J, exact = TRUE)), the model is "degenerate" (a rate running to infinity; no minimiser exists),
#    its SEs are not reported and it is not eligible.
#    SE = sqrt(diag((J'J)^-1) * RSS/(n-p)) (summary.nls's formula), p = 2 pt(-|est/SE|, n - p).
#    AIC = AIC(nls) = n (log(2 pi) + 1 - log(n) + log(RSS)) + 2 (p + 1)   (sigma counted as a parameter).
#    Selection rule: a model is eligible if converged, every estimate has p < 0.05, d > 0, g > 0 and
#    0 < phi < 1 (strictly); among eligible models the lowest AIC wins; if none is eligible: "not fitted".
#    Differences from tumgr::gdrate (tumgr 0.0.4, CRAN; source seen only in excerpt at
#    https://rdrr.io/cran/tumgr/src/R/gdrate.R and its README, so the list may be incomplete):
#     - tumgr uses t = (date - first date) + 1, i.e. the baseline sits at t = 1, not t = 0, so its baseline
#       residual is not identically zero; here t = date - first date as the brief specifies.
#     - tumgr fits with minpack.lm::nlsLM (Levenberg-Marquardt; maxiter 1000, maxfev 1000, factor 0.01,
#       ftol = ptol = sqrt(.Machine$double.eps)) from ONE fixed starting vector per model, with lower/upper
#       bounds, and falls back to nls(algorithm = "port") only for gdphi when nlsLM fails. Here: nls port from a
#       start grid + Gauss-Newton polish (the constrained least-squares optimum, independent of optimiser).
#     - tumgr's exclusion categories are "only 1 eval", "2 evals not 20% diff" (so a 2-evaluation patient with
#       a >= 20% change IS analysed by tumgr), "not fit" (no eligible model); it also drops patients with all
#       sizes zero. Here every patient with < 3 measurements is "not fitted: fewer than 3 measurements".
#     - pval is an argument of gdrate (0.05 here); selection = lowest AIC among models whose parameters are
#       all significant, as here. The n - 1 > p rule and the degeneracy rule are mine, not tumgr's.
#
# B. Guenther-Schouten total sample size, allocation r = n1/n0:
#      n = (1+r)^2/r * (qnorm(1-alpha/2) + qnorm(power))^2 * sigma2 (1-R2) / delta^2 + qnorm(1-alpha/2)^2 / 2
#    printed unrounded and ceiling(). Cross-check (r = 1 only): power.t.test(delta, sd = sqrt(sigma2 (1-R2)),
#    sig.level = alpha, power)$n = exact per-group n of the two-sample t-test (total = 2 n).
#
# C. PROCOVA. Historical: lm(y ~ x1 + x2 + x3); rho_hat = cor(fitted, y); sigma2_hat = var(y) (n-1).
#    Trial score = predict(lm, trial). lm(y ~ arm) vs lm(y ~ arm + score); variance reduction
#    1 - (se_adj / se_unadj)^2. Binary: glm(resp ~ x1+x2+x3, binomial) on historical, score = linear predictor
#    INCLUDING the intercept (predict(type = "link")); glm(resp ~ arm + score) vs glm(resp ~ arm) on trial.
#    Survival: coxph(Surv(time,status) ~ x1+x2+x3, ties = "efron") on historical; score = UNCENTRED linear
#    predictor x1*b1 + x2*b2 + x3*b3 (as.matrix(X) %*% coef, no intercept, no mean-centring; predict.coxph
#    would centre it, which only shifts the score and leaves every trial coefficient/SE unchanged);
#    coxph(Surv(time,status) ~ arm + score, efron) vs coxph(~ arm). Controls: glm.control(epsilon = 1e-14,
#    maxit = 100); coxph.control(eps = 1e-14, toler.chol = 1e-15, iter.max = 100).
#
# D. glmnet ridge (alpha = 0, standardize = FALSE, intercept = TRUE, thresh = 1e-20, maxit = 1e7), single
#    lambda, X = (x1, x2, x3) on historical. glmnet's documented objectives (alpha = 0):
#      gaussian (lambda = 0.5):  1/(2n) sum (y - b0 - x'b)^2 + lambda/2 ||b||^2   (b0 unpenalised)
#      binomial (lambda = 0.02): -1/n sum [resp (b0 + x'b) - log(1 + exp(b0 + x'b))] + lambda/2 ||b||^2
#      cox      (lambda = 0.02): -1/n log PL_Breslow(b) + lambda/2 ||b||^2   (no intercept)
#    BUT for family = "gaussian" glmnet internally divides y by its 1/n standard deviation s_y and applies the
#    SAME lambda to the scaled problem, so for ridge the coefficients it returns minimise
#      1/(2n) RSS + (lambda / s_y)/2 ||b||^2      [s_y = sqrt(mean((y - mean(y))^2))]
#    not the documented objective (known glmnet behaviour; harmless for the lasso, where it is exact). Both
#    closed forms (centred X: b = (Xc'Xc/n + L I)^-1 Xc'yc/n, b0 = mean(y) - xbar'b) are printed, with L =
#    lambda and L = lambda/s_y. binomial and cox are cross-checked against an independent penalised Newton
#    solve (binomial) and coxph(ridge(..., theta = n lambda, scale = FALSE), ties = "breslow") (cox).
#
# E. Fidelity: "synthetic" = historical rows 1..120, "real" = trial rows with arm == 0 (120 rows).
#    Per variable x1, x3, y: ks.test(syn, real, exact = FALSE) statistic D and p-value; SMD = (mean_syn -
#    mean_real) / sqrt((var_syn + var_real)/2) (var with n-1). Kaplan-Meier survival at 100, 200, 300
#    (summary.survfit, extend = TRUE) per group, and the log-rank chi-square survdiff(~ group).
#    TSTR: glm(resp ~ x1+x2+x3, binomial) on synthetic rows, AUC on real rows; TRTR: same model fitted on the
#    real rows, in-sample AUC. AUC = Mann-Whitney: mean over (positive, negative) pairs of
#    1[s_pos > s_neg] + 0.5 1[s_pos == s_neg] (scores = linear predictor).
#    DCR: x1, x2, x3, y standardised by the REAL rows' mean and sd (n-1); for each synthetic row the Euclidean
#    distance to the nearest real row; min, median, mean and quantile(0.05, type = 7).
# -----------------------------------------------------------------------------------------------------------

suppressMessages(library(survival))
suppressMessages(library(glmnet))

f15 <- function(x) ifelse(is.na(x), "NA", sprintf("%.15g", x))
out <- function(label, x) {
  v <- f15(x)
  if (!is.null(names(x))) v <- paste0(names(x), "=", v)
  cat(label, ": ", paste(v, collapse = " "), "\n", sep = "")
}
txt <- function(label, s) cat(label, ": ", s, "\n", sep = "")
sec <- function(s) cat("\n== ", s, "\n", sep = "")

cat("R ", R.version$major, ".", R.version$minor, "; survival ", as.character(packageVersion("survival")),
    "; glmnet ", as.character(packageVersion("glmnet")), "\n", sep = "")

resdir <- "../../../../tests/io.daybreak.methods.twin.tests/resources"
dir.create(resdir, showWarnings = FALSE, recursive = TRUE)
wcsv <- function(d, name) write.csv(d, file.path(resdir, name), row.names = FALSE, quote = FALSE)

# ---- Data generation --------------------------------------------------------------------------------------
set.seed(20240611)
npat <- 16
type <- c(rep("dx", 4), rep("gx", 3), rep("gd", 4), rep("gdphi", 4), "short")
nmeas <- c(9, 10, 11, 4,   10, 9, 5,   11, 10, 9, 3,   11, 10, 9, 5,   2)   # incl. baseline
rows <- list()
for (i in seq_len(npat)) {
  base <- runif(1, 40, 120)
  d <- runif(1, 0.005, 0.03); g <- runif(1, 0.001, 0.006); phi <- runif(1, 0.2, 0.8)
  if (type[i] == "dx") d <- 0.005 + (d - 0.005) * 0.28   # dx patients: d in 0.005-0.012 (no plateau)
  t <- 42 * (seq_len(nmeas[i]) - 1)
  f <- switch(type[i],
              dx = exp(-d * t), gx = exp(g * t), gd = exp(-d * t) + exp(g * t) - 1,
              gdphi = phi * exp(g * t) + (1 - phi) * exp(-d * t), short = exp(-d * t))
  f <- pmax(f, 0.02)
  size <- base * f * exp(rnorm(length(t), 0, 0.05))
  rows[[i]] <- data.frame(id = i, time = t, size = round(size, 6))
}
wcsv(do.call(rbind, rows), "tgi_longitudinal.csv")

gen <- function(n, arm) {
  x1 <- rnorm(n, 60, 10); x2 <- rbinom(n, 1, 0.4); x3 <- rnorm(n)
  y <- 10 + 0.3 * x1 - 2 * x2 + 3 * x3 - 2.5 * arm + rnorm(n, 0, 4)
  resp <- rbinom(n, 1, plogis(-1 + 0.8 * x3 - 0.5 * x2 + 0.7 * arm))
  rate <- exp(-6 + 0.5 * x3 + 0.02 * (x1 - 60) - 0.4 * arm)
  tt <- rexp(n, rate); cc <- runif(n, 0, 500)
  data.frame(x1 = round(x1, 6), x2 = x2, x3 = round(x3, 6), y = round(y, 6), resp = resp,
             time = round(pmin(tt, cc), 6), status = as.integer(tt <= cc))
}
hist0 <- gen(400, rep(0, 400))
arm <- sample(rep(0:1, 120))
trial0 <- cbind(arm = arm, gen(240, arm))
wcsv(hist0, "procova_historical.csv")
wcsv(trial0, "procova_trial.csv")

tgi <- read.csv(file.path(resdir, "tgi_longitudinal.csv"))
hist <- read.csv(file.path(resdir, "procova_historical.csv"))
trial <- read.csv(file.path(resdir, "procova_trial.csv"))
stopifnot(all(tgi$size > 0), all(hist$time > 0), all(trial$time > 0))

sec("0. Data (as read back)")
out("tgi.rows", nrow(tgi)); out("tgi.patients", length(unique(tgi$id)))
out("hist.rows", nrow(hist)); out("hist.events", sum(hist$status)); out("hist.resp", sum(hist$resp))
out("trial.rows", nrow(trial)); out("trial.arm1", sum(trial$arm)); out("trial.events", sum(trial$status))
out("trial.resp", sum(trial$resp))

# ---- A. TGI -----------------------------------------------------------------------------------------------
sec("A. TGI fits (Stein/Wilkerson, tumgr gdrate rules)")
# model function and analytic Jacobian (columns in parameter order)
models <- list(
  dx    = list(pars = "d", formula = f ~ exp(-d * t),
               fn = function(p, t) exp(-p[1] * t),
               jac = function(p, t) cbind(d = -t * exp(-p[1] * t))),
  gx    = list(pars = "g", formula = f ~ exp(g * t),
               fn = function(p, t) exp(p[1] * t),
               jac = function(p, t) cbind(g = t * exp(p[1] * t))),
  gd    = list(pars = c("d", "g"), formula = f ~ exp(-d * t) + exp(g * t) - 1,
               fn = function(p, t) exp(-p[1] * t) + exp(p[2] * t) - 1,
               jac = function(p, t) cbind(d = -t * exp(-p[1] * t), g = t * exp(p[2] * t))),
  gdphi = list(pars = c("phi", "d", "g"), formula = f ~ phi * exp(g * t) + (1 - phi) * exp(-d * t),
               fn = function(p, t) p[1] * exp(p[3] * t) + (1 - p[1]) * exp(-p[2] * t),
               jac = function(p, t) cbind(phi = exp(p[3] * t) - exp(-p[2] * t),
                                          d = -(1 - p[1]) * t * exp(-p[2] * t),
                                          g = p[1] * t * exp(p[3] * t))))
grid <- list(d = c(0.001, 0.005, 0.01, 0.02, 0.05), g = c(0.0005, 0.002, 0.005, 0.01), phi = c(0.1, 0.5, 0.9))
ctrl <- list(maxiter = 1000, eval.max = 4000, warnOnly = TRUE)   # PORT's default rel.tol / x.tol

fit_model <- function(dd, m) {
  starts <- expand.grid(grid[m$pars])
  lower <- setNames(rep(0, length(m$pars)), m$pars)
  upper <- setNames(ifelse(m$pars == "phi", 1, Inf), m$pars)
  best <- NULL; bestnc <- NULL
  for (k in seq_len(nrow(starts))) {
    st <- as.list(starts[k, , drop = FALSE])
    fit <- tryCatch(suppressWarnings(nls(m$formula, data = dd, start = st, algorithm = "port",
                                         lower = lower, upper = upper, control = ctrl)),
                    error = function(e) NULL)
    if (is.null(fit)) next
    if (isTRUE(fit$convInfo$isConv)) {
      if (is.null(best) || deviance(fit) < deviance(best)) best <- fit
    } else if (is.null(bestnc) || deviance(fit) < deviance(bestnc)) bestnc <- fit
  }
  list(fit = best, nc = bestnc, lower = lower, upper = upper)
}

# Projected Gauss-Newton polish of the PORT optimum (solves J'r = 0 on the free parameters to ~1e-15;
# parameters within 1e-8 of a bound with the RSS gradient pointing outward are held exactly at the bound).
polish <- function(m, th, dd, lower, upper) {
  rss <- function(p) sum((dd$f - m$fn(p, dd$t))^2)
  for (it in 1:500) {
    r <- dd$f - m$fn(th, dd$t); J <- m$jac(th, dd$t); gr <- -2 * drop(crossprod(J, r))
    act <- (th - lower < 1e-8 & gr >= 0) | (upper - th < 1e-8 & gr <= 0)
    th[act & th - lower < 1e-8] <- lower[act & th - lower < 1e-8]
    th[act & upper - th < 1e-8] <- upper[act & upper - th < 1e-8]
    if (all(act)) break
    fr <- !act
    step <- qr.solve(J[, fr, drop = FALSE], r)
    nt <- th; nt[fr] <- nt[fr] + step
    if (any(nt < lower | nt > upper)) break
    if (rss(nt) > rss(th) * (1 + 1e-13)) break
    th <- nt
    if (all(abs(step) <= 1e-15 * pmax(abs(th[fr]), 1e-300))) break
  }
  th
}

for (pid in sort(unique(tgi$id))) {
  dd <- tgi[tgi$id == pid, ]
  dd <- dd[order(dd$time), ]
  n <- nrow(dd)
  pre <- sprintf("A.patient%d", pid)
  out(paste0(pre, ".n"), n)
  if (n < 3) { txt(paste0(pre, ".selected"), "not fitted: fewer than 3 measurements"); next }
  dd <- data.frame(t = dd$time - dd$time[1], f = dd$size / dd$size[1])
  aics <- c(); elig <- c()
  for (mn in names(models)) {
    m <- models[[mn]]; p <- length(m$pars); mp <- paste0(pre, ".", mn)
    if (n - 1 <= p) {
      txt(paste0(mp, ".status"), "not attempted (n - 1 <= number of parameters: zero-residual fit)"); next
    }
    fm <- fit_model(dd, m)
    if (is.null(fm$fit)) {
      txt(paste0(mp, ".converged"), "FALSE")
      if (!is.null(fm$nc)) {
        txt(paste0(mp, ".bestNonConverged.message"), fm$nc$convInfo$stopMessage)
        out(paste0(mp, ".bestNonConverged.estimate"), coef(fm$nc)[m$pars])
        out(paste0(mp, ".bestNonConverged.rss"), deviance(fm$nc))
      }
      next
    }
    fit <- fm$fit
    txt(paste0(mp, ".converged"), "TRUE")
    txt(paste0(mp, ".convMessage"), fit$convInfo$stopMessage)
    th <- polish(m, coef(fit)[m$pars], dd, fm$lower, fm$upper)
    r <- dd$f - m$fn(th, dd$t); J <- m$jac(th, dd$t); rss <- sum(r^2)
    stopifnot(rss <= deviance(fit) * (1 + 1e-10))
    if (kappa(J, exact = TRUE) > 1e10) {
      txt(paste0(mp, ".status"), sprintf("degenerate: Jacobian condition number %.3g > 1e10 at the PORT optimum",
                                         kappa(J, exact = TRUE)))
      out(paste0(mp, ".port_unpolished.estimate"), coef(fit)[m$pars])
      out(paste0(mp, ".rss"), deviance(fit))
      txt(paste0(mp, ".eligible"), FALSE)
      next
    }
    se <- sqrt(diag(solve(crossprod(J))) * rss / (n - p)); names(se) <- m$pars
    pv <- 2 * pt(-abs(th / se), n - p)
    aic <- n * (log(2 * pi) + 1 - log(n) + log(rss)) + 2 * (p + 1)
    out(paste0(mp, ".estimate"), th); out(paste0(mp, ".se"), se); out(paste0(mp, ".p"), pv)
    out(paste0(mp, ".rss"), rss); out(paste0(mp, ".aic"), aic)
    cf <- summary(fit)$coefficients
    out(paste0(mp, ".port_unpolished.estimate"), cf[m$pars, 1])
    out(paste0(mp, ".summary_nls.se"), cf[m$pars, 2])
    out(paste0(mp, ".AIC_nls"), AIC(fit))
    ok <- all(is.finite(pv)) && all(pv < 0.05) && all(th[names(th) %in% c("d", "g")] > 0)
    if ("phi" %in% m$pars) ok <- ok && th["phi"] > 0 && th["phi"] < 1
    txt(paste0(mp, ".eligible"), ok)
    aics[mn] <- aic; elig[mn] <- ok
  }
  if (any(elig)) {
    e <- aics[names(elig)[elig]]
    txt(paste0(pre, ".selected"), names(e)[which.min(e)])
  } else txt(paste0(pre, ".selected"), "not fitted")
}

# ---- B. Guenther-Schouten ---------------------------------------------------------------------------------
sec("B. Guenther-Schouten sample size")
cases <- list(c(sigma2 = 1, R2 = 0, delta = 0.5, r = 1, alpha = 0.05, power = 0.8),
              c(sigma2 = 16, R2 = 0.36, delta = 2.5, r = 1, alpha = 0.05, power = 0.9),
              c(sigma2 = 16, R2 = 0.25, delta = 2.5, r = 2, alpha = 0.05, power = 0.8))
for (i in seq_along(cases)) {
  cs <- as.list(cases[[i]]); pre <- sprintf("B.case%d", i)
  out(paste0(pre, ".inputs"), unlist(cs))
  za <- qnorm(1 - cs$alpha / 2); zb <- qnorm(cs$power)
  n <- (1 + cs$r)^2 / cs$r * (za + zb)^2 * cs$sigma2 * (1 - cs$R2) / cs$delta^2 + za^2 / 2
  out(paste0(pre, ".n_total"), n)
  out(paste0(pre, ".n_total_ceiling"), ceiling(n))
  if (cs$r == 1) {
    pt <- power.t.test(delta = cs$delta, sd = sqrt(cs$sigma2 * (1 - cs$R2)), sig.level = cs$alpha,
                       power = cs$power, tol = 1e-12)$n
    out(paste0(pre, ".power.t.test_n_per_group"), pt)
    out(paste0(pre, ".power.t.test_n_total"), 2 * pt)
  }
}

# ---- C. PROCOVA -------------------------------------------------------------------------------------------
sec("C. PROCOVA")
gctl <- glm.control(epsilon = 1e-14, maxit = 100)
cctl <- coxph.control(eps = 1e-14, toler.chol = 1e-15, iter.max = 100)
cse <- function(fit, nm) sqrt(diag(vcov(fit)))[nm]

pm <- lm(y ~ x1 + x2 + x3, data = hist)
out("C.lm.hist.coef", coef(pm)); out("C.lm.hist.se", cse(pm, names(coef(pm))))
out("C.lm.hist.sigma", summary(pm)$sigma)
out("C.lm.hist.rho_hat", cor(fitted(pm), hist$y))
out("C.lm.hist.sigma2_hat", var(hist$y))
trial$score <- predict(pm, newdata = trial)
u <- lm(y ~ arm, data = trial); a <- lm(y ~ arm + score, data = trial)
out("C.lm.trial.unadj.coef", coef(u)); out("C.lm.trial.unadj.se", cse(u, names(coef(u))))
out("C.lm.trial.unadj.sigma", summary(u)$sigma)
out("C.lm.trial.adj.coef", coef(a)); out("C.lm.trial.adj.se", cse(a, names(coef(a))))
out("C.lm.trial.adj.sigma", summary(a)$sigma)
out("C.lm.trial.variance_reduction", 1 - (cse(a, "arm") / cse(u, "arm"))^2)

pb <- glm(resp ~ x1 + x2 + x3, family = binomial, data = hist, control = gctl)
out("C.glm.hist.coef", coef(pb)); out("C.glm.hist.se", cse(pb, names(coef(pb))))
trial$bscore <- predict(pb, newdata = trial, type = "link")
bu <- glm(resp ~ arm, family = binomial, data = trial, control = gctl)
ba <- glm(resp ~ arm + bscore, family = binomial, data = trial, control = gctl)
out("C.glm.trial.unadj.coef", coef(bu)); out("C.glm.trial.unadj.se", cse(bu, names(coef(bu))))
out("C.glm.trial.adj.coef", coef(ba)); out("C.glm.trial.adj.se", cse(ba, names(coef(ba))))
out("C.glm.trial.variance_ratio_arm", (cse(ba, "arm") / cse(bu, "arm"))^2)

pc <- coxph(Surv(time, status) ~ x1 + x2 + x3, data = hist, ties = "efron", control = cctl)
out("C.cox.hist.coef", coef(pc)); out("C.cox.hist.se", cse(pc, names(coef(pc))))
out("C.cox.hist.loglik", pc$loglik)
trial$cscore <- drop(as.matrix(trial[, c("x1", "x2", "x3")]) %*% coef(pc))   # uncentred
out("C.cox.trial.score_first3", trial$cscore[1:3])
cu <- coxph(Surv(time, status) ~ arm, data = trial, ties = "efron", control = cctl)
ca <- coxph(Surv(time, status) ~ arm + cscore, data = trial, ties = "efron", control = cctl)
out("C.cox.trial.unadj.coef", coef(cu)); out("C.cox.trial.unadj.se", cse(cu, "arm"))
out("C.cox.trial.adj.coef", coef(ca)); out("C.cox.trial.adj.se", cse(ca, names(coef(ca))))
out("C.cox.trial.adj.loglik", ca$loglik)
out("C.cox.trial.variance_ratio_arm", (cse(ca, "arm") / cse(cu, "arm"))^2)

# ---- D. glmnet ridge --------------------------------------------------------------------------------------
sec("D. glmnet ridge prognostic scores")
X <- as.matrix(hist[, c("x1", "x2", "x3")]); n <- nrow(X)
gnet <- function(y, fam, lam) glmnet(X, y, family = fam, alpha = 0, lambda = lam, standardize = FALSE,
                                     intercept = TRUE, thresh = 1e-20, maxit = 1e7)
cvec <- function(fit) { cc <- as.matrix(coef(fit)); setNames(cc[, 1], rownames(cc)) }

lam <- 0.5
fg <- gnet(hist$y, "gaussian", lam)
out("D.gaussian.lambda", lam); out("D.gaussian.glmnet.coef", cvec(fg))
xbar <- colMeans(X); Xc <- sweep(X, 2, xbar); yc <- hist$y - mean(hist$y)
sy <- sqrt(mean(yc^2))
cf_closed <- function(L) {
  b <- solve(crossprod(Xc) / n + L * diag(3), crossprod(Xc, yc) / n)[, 1]
  c("(Intercept)" = mean(hist$y) - sum(xbar * b), b)
}
out("D.gaussian.closed_documented_objective.coef", cf_closed(lam))
out("D.gaussian.sy_1overn", sy)
out("D.gaussian.closed_lambda_over_sy.coef", cf_closed(lam / sy))

lamb <- 0.02
fb <- gnet(hist$resp, "binomial", lamb)
out("D.binomial.lambda", lamb); out("D.binomial.glmnet.coef", cvec(fb))
# independent check: Newton on -1/n loglik + lamb/2 ||b||^2 (intercept unpenalised)
Z <- cbind(1, X); b <- rep(0, 4); P <- diag(c(0, rep(lamb, 3)))
for (it in 1:100) {
  mu <- plogis(drop(Z %*% b))
  grad <- -crossprod(Z, hist$resp - mu) / n + P %*% b
  H <- crossprod(Z * (mu * (1 - mu)), Z) / n + P
  b <- b - solve(H, grad)[, 1]
}
out("D.binomial.newton.coef", setNames(b, c("(Intercept)", colnames(X))))

lamc <- 0.02
fc <- glmnet(X, Surv(hist$time, hist$status), family = "cox", alpha = 0, lambda = lamc, standardize = FALSE,
             thresh = 1e-20, maxit = 1e7)
out("D.cox.lambda", lamc); out("D.cox.glmnet.coef", cvec(fc))
rc <- coxph(Surv(time, status) ~ ridge(x1, x2, x3, theta = n * lamc, scale = FALSE), data = hist,
            ties = "breslow", control = cctl)
out("D.cox.coxph_ridge_breslow.coef", setNames(coef(rc), colnames(X)))

# ---- E. Fidelity ------------------------------------------------------------------------------------------
sec("E. Fidelity metrics (synthetic = historical rows 1..120, real = trial arm 0)")
syn <- hist[1:120, ]; real <- trial[trial$arm == 0, c("x1", "x2", "x3", "y", "resp", "time", "status")]
out("E.n_syn", nrow(syn)); out("E.n_real", nrow(real))
for (v in c("x1", "x3", "y")) {
  ks <- suppressWarnings(ks.test(syn[[v]], real[[v]], exact = FALSE))
  out(paste0("E.", v, ".ks_D"), unname(ks$statistic)); out(paste0("E.", v, ".ks_p"), ks$p.value)
  out(paste0("E.", v, ".smd"), (mean(syn[[v]]) - mean(real[[v]])) / sqrt((var(syn[[v]]) + var(real[[v]])) / 2))
}
both <- rbind(cbind(syn[, c("time", "status")], grp = "synthetic"),
              cbind(real[, c("time", "status")], grp = "real"))
for (gname in c("synthetic", "real")) {
  km <- survfit(Surv(time, status) ~ 1, data = both[both$grp == gname, ])
  s <- summary(km, times = c(100, 200, 300), extend = TRUE)$surv
  out(paste0("E.km.", gname, ".surv_t100_t200_t300"), s)
}
sd_ <- survdiff(Surv(time, status) ~ grp, data = both)
out("E.logrank.chisq", sd_$chisq); out("E.logrank.p", pchisq(sd_$chisq, 1, lower.tail = FALSE))

auc <- function(s, y) {
  pos <- s[y == 1]; neg <- s[y == 0]
  mean(outer(pos, neg, function(a, b) (a > b) + 0.5 * (a == b)))
}
ts <- glm(resp ~ x1 + x2 + x3, family = binomial, data = syn, control = gctl)
tr <- glm(resp ~ x1 + x2 + x3, family = binomial, data = real, control = gctl)
out("E.tstr.coef", coef(ts))
out("E.tstr.auc", auc(predict(ts, newdata = real, type = "link"), real$resp))
out("E.trtr.coef", coef(tr))
out("E.trtr.auc", auc(predict(tr, newdata = real, type = "link"), real$resp))

vars <- c("x1", "x2", "x3", "y")
mu <- colMeans(real[, vars]); sdv <- apply(real[, vars], 2, sd)
S <- scale(as.matrix(syn[, vars]), center = mu, scale = sdv)
R <- scale(as.matrix(real[, vars]), center = mu, scale = sdv)
dcr <- apply(S, 1, function(r) sqrt(min(colSums((t(R) - r)^2))))
out("E.dcr.min", min(dcr)); out("E.dcr.median", median(dcr)); out("E.dcr.mean", mean(dcr))
out("E.dcr.q05_type7", unname(quantile(dcr, 0.05, type = 7)))
out("E.dcr.first3", unname(dcr[1:3]))
