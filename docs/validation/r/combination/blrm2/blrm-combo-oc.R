# Independent base-R simulation of design.blrm-combo (two-drug BLRM with interaction and EWOC; docs/designs.md,
# "Operating characteristics: design.blrm-combo"), written from the documented rules, not from the Java code.
#
#   nice Rscript blrm-combo-oc.R <scenario> <trials> <seed> [draws]
#
# scenario: "mixed" or "toxic" (below); draws: importance draws per posterior update (default 10000, the
# design's default). Prints the selection and allocation matrices and the summary, each with its Monte Carlo SE.
#
# Model (OncoBayes2's blrm_exnex parameterisation, one group): theta = (log aA, log bA, log aB, log bB, eta),
#   logit piA = log aA + bA log(d1/d1*), logit piB = log aB + bB log(d2/d2*), pi0 = 1 - (1 - piA)(1 - piB),
#   odds(pi) = odds(pi0) exp(eta (d1/d1*)(d2/d2*)).
# Priors (documented defaults): log a ~ N(logit 0.2, 2^2), log b ~ N(0, 1), correlation 0, eta ~ N(0, (sqrt(2)/2)^2).
#
# Posterior: Laplace fit (optim BFGS from the previous mode, numerical Hessian by optimHess), then self-normalised
# importance sampling from a defensive mixture: 90% multivariate t with 5 df centred at the mode with scale
# 1.1^2 x the inverse negative Hessian, 10% the prior.
#
# Trial rules (docs/designs.md; ties and the end of a trial as Recommendation.java / Blrm2Simulation.java):
# - interval probabilities: under p < 0.16, target 0.16 <= p < 0.33, over p >= 0.33; EWOC-ok: P(over) <= 0.25;
# - admissible: EWOC-ok and at most one level above some tried combination in each drug (levels below are always
#   reachable; the diagonal step is allowed);
# - the first cohort is treated at (1, 1); after every cohort (including the last) the posterior is updated and
#   the next cohort goes to the admissible combination with the largest P(target) (ties: first row by row);
#   if none is admissible the trial stops without MTD (counted as stopped early, even after the last cohort);
# - after the last cohort the MTD is the tried combination (n > 0) with P(over) <= 0.25 and the largest P(target)
#   (ties: first row by row); none: no MTD;
# - true MTDs: truth in [0.16, 0.33); each patient's DLT is runif(1) < truth.

args <- commandArgs(trailingOnly = TRUE)
scenario <- if (length(args) >= 1) args[1] else "mixed"
trials <- if (length(args) >= 2) as.integer(args[2]) else 10L
seed <- if (length(args) >= 3) as.integer(args[3]) else 1L
ndraw <- if (length(args) >= 4) as.integer(args[4]) else 10000L

truths <- list(mixed = c(0.05, 0.08, 0.12, 0.08, 0.12, 0.20, 0.12, 0.20, 0.35),
               toxic = c(0.10, 0.18, 0.30, 0.18, 0.30, 0.45, 0.30, 0.45, 0.60))
truth <- truths[[scenario]]
stopifnot(!is.null(truth))

dA <- c(3, 4.5, 6); dB <- c(400, 600, 800); refA <- 6; refB <- 960
J <- length(dA); K <- length(dB)
rowA <- rep(seq_len(J), each = K)      # cell c (row by row): drug A level rowA[c], drug B level colB[c]
colB <- rep(seq_len(K), times = J)
x1 <- log(dA[rowA] / refA); x2 <- log(dB[colB] / refB); z <- (dA[rowA] / refA) * (dB[colB] / refB)
cells <- J * K
lo <- 0.16; hi <- 0.33; ewoc <- 0.25; cohortSize <- 3L; cohorts <- 10L

m0 <- c(qlogis(0.2), 0, qlogis(0.2), 0, 0)
s0 <- c(2, 1, 2, 1, sqrt(2) / 2)
S0 <- diag(s0^2)
L0 <- diag(s0)

softplus <- function(x) pmax(x, 0) + log1p(exp(-abs(x)))

# logit of the DLT probability of every cell for each row of th (an N x 5 matrix): N x cells
logitCells <- function(th) {
  l1 <- outer(th[, 1], rep(1, cells)) + outer(exp(th[, 2]), x1)
  l2 <- outer(th[, 3], rep(1, cells)) + outer(exp(th[, 4]), x2)
  lq <- -softplus(l1) - softplus(l2)                 # log(1 - pi0)
  a <- -softplus(-l1); b <- -softplus(-l2) - softplus(l1)   # log piA, log(piB (1 - piA)); pi0 is their sum
  lp <- pmax(a, b) + log1p(exp(-abs(a - b)))         # log pi0, finite even where pi0 < 1e-16
  lp - lq + outer(th[, 5], z)
}

logPrior <- function(th) -0.5 * colSums(((t(th) - m0) / s0)^2)

logPost <- function(th, n, y) {
  lg <- logitCells(th)
  used <- which(n > 0)
  ll <- lg[, used, drop = FALSE] %*% y[used] - softplus(lg[, used, drop = FALSE]) %*% n[used]
  logPrior(th) + as.vector(ll)
}

ldmt <- function(th, mu, L, df) {                    # multivariate t log density, scale L L'
  d <- length(mu)
  q <- colSums(backsolve(L, t(th) - mu, upper.tri = FALSE)^2)
  lgamma((df + d) / 2) - lgamma(df / 2) - d / 2 * log(df * pi) - sum(log(diag(L))) - (df + d) / 2 * log1p(q / df)
}
ldmn <- function(th, mu, L) {
  d <- length(mu)
  q <- colSums(backsolve(L, t(th) - mu, upper.tri = FALSE)^2)
  -d / 2 * log(2 * pi) - sum(log(diag(L))) - q / 2
}

DF <- 5; SHARE_PRIOR <- 0.1; INFLATE <- 1.1

# posterior interval probabilities of every cell: list(under, target, over, mode, ess)
posterior <- function(n, y, start) {
  f <- function(p) -logPost(matrix(p, 1), n, y)
  fit <- optim(start, f, method = "BFGS", control = list(reltol = 1e-12, maxit = 500))
  mode <- fit$par
  H <- optimHess(mode, f)
  L <- tryCatch(t(chol(solve(H))) * INFLATE, error = function(e) L0)
  fromPrior <- runif(ndraw) < SHARE_PRIOR
  zz <- matrix(rnorm(ndraw * 5), ndraw)
  w <- sqrt(DF / rchisq(ndraw, DF))
  th <- matrix(0, ndraw, 5)
  th[!fromPrior, ] <- t(mode + L %*% t(zz[!fromPrior, , drop = FALSE] * w[!fromPrior]))
  th[fromPrior, ] <- t(m0 + L0 %*% t(zz[fromPrior, , drop = FALSE]))
  a <- log(1 - SHARE_PRIOR) + ldmt(th, mode, L, DF)
  b <- log(SHARE_PRIOR) + ldmn(th, m0, L0)
  lq <- pmax(a, b) + log1p(exp(-abs(a - b)))
  lw <- logPost(th, n, y) - lq
  wt <- exp(lw - max(lw)); wt <- wt / sum(wt)
  p <- plogis(logitCells(th))
  under <- colSums(wt * (p < lo)); over <- colSums(wt * (p >= hi))
  list(under = under, target = 1 - under - over, over = over, mode = mode, ess = 1 / sum(wt^2))
}

reachable <- function(n) {
  tried <- which(n > 0)
  sapply(seq_len(cells), function(c) any(rowA[c] <= rowA[tried] + 1 & colB[c] <= colB[tried] + 1))
}

firstMax <- function(v, ok) {
  if (!any(ok)) return(NA_integer_)
  v[!ok] <- -Inf
  which.max(v)                                       # first maximum, row by row
}

oneTrial <- function() {
  n <- integer(cells); y <- integer(cells)
  cur <- 1L; start <- m0; post <- NULL
  for (k in seq_len(cohorts)) {
    tox <- runif(cohortSize) < truth[cur]
    n[cur] <- n[cur] + cohortSize; y[cur] <- y[cur] + sum(tox)
    post <- posterior(n, y, start)
    start <- post$mode
    ok <- post$over <= ewoc
    nxt <- firstMax(post$target, ok & reachable(n))
    if (is.na(nxt)) return(list(n = n, y = y, sel = NA_integer_, early = TRUE))
    cur <- nxt
  }
  list(n = n, y = y, sel = firstMax(post$target, n > 0 & post$over <= ewoc), early = FALSE)
}

set.seed(seed)
t0 <- proc.time()
sel <- matrix(0L, trials, cells); pat <- matrix(0L, trials, cells); early <- logical(trials)
for (r in seq_len(trials)) {
  tr <- oneTrial()
  if (!is.na(tr$sel)) sel[r, tr$sel] <- 1L
  pat[r, ] <- tr$n; early[r] <- tr$early
}
cpu <- (proc.time() - t0)[["user.self"]]

mtd <- truth >= lo & truth < hi
se <- function(x) sd(x) / sqrt(length(x))
none <- rowSums(sel) == 0
correct <- rowSums(sel[, mtd, drop = FALSE]) == 1
tot <- rowSums(pat); atm <- rowSums(pat[, mtd, drop = FALSE])
ratio <- sum(atm) / sum(tot)
ratioSe <- sqrt(mean((atm - ratio * tot)^2) / trials) / mean(tot)   # delta method, ratio of means

cat(sprintf("scenario %s: truth %s; trials %d, seed %d, draws %d; CPU %.1f s (%.3f s per trial)\n",
            scenario, paste(truth, collapse = ","), trials, seed, ndraw, cpu, cpu / trials))
byc <- data.frame(doseA = rowA, doseB = colB, truth = truth, trueMtd = mtd,
                  selPct = 100 * colMeans(sel), selPctSe = 100 * apply(sel, 2, se),
                  patients = colMeans(pat), patientsSe = apply(pat, 2, se))
print(byc, digits = 4, row.names = FALSE)
summ <- c(noSelectionPercent = 100 * mean(none), noSelectionPercentSe = 100 * se(none),
          correctSelectionPercent = 100 * mean(correct), correctSelectionPercentSe = 100 * se(correct),
          patientsAtMtdPercent = 100 * ratio, patientsAtMtdPercentSe = 100 * ratioSe,
          meanPatients = mean(tot), meanPatientsSe = se(tot),
          stoppedEarlyPercent = 100 * mean(early), stoppedEarlyPercentSe = 100 * se(early))
print(round(summ, 4))
cat("selPct:", paste(sprintf("%.4f", byc$selPct), collapse = ", "), "\n")
cat("selPctSe:", paste(sprintf("%.4f", byc$selPctSe), collapse = ", "), "\n")
cat("patients:", paste(sprintf("%.4f", byc$patients), collapse = ", "), "\n")
cat("patientsSe:", paste(sprintf("%.4f", byc$patientsSe), collapse = ", "), "\n")
