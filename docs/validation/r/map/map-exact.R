# Exact reference values (no MCMC) for the beta-mixture parts of design.map-prior, design.bop2 and design.pp-monitor
# with priorMixture: R transcriptions of the published formulas, and the same quantities from RBesT 1.7-2 where it has
# them. Run: Rscript docs/validation/r/map/map-exact.R
.libPaths(c("/work/Rlib", .libPaths()))
suppressMessages(library(RBesT))
options(digits = 17)

w <- c(0.6, 0.3, 0.1); a <- c(5.2, 2.3, 1.5); b <- c(14.1, 6.8, 1.9)
dmixb <- function(p) sapply(p, function(x) sum(w * dbeta(x, a, b)))
pmixb <- function(p) sapply(p, function(x) sum(w * pbeta(x, a, b)))

# ESS elir (Neuenschwander et al. 2020): integral of prior(p) * i(p) * p (1 - p), i = -(log prior)''
info <- function(x) {
  lw <- log(w) + dbeta(x, a, b, log = TRUE); r <- exp(lw - max(lw)); r <- r / sum(r)
  g <- (a - 1) / x - (b - 1) / (1 - x); h <- -(a - 1) / x^2 - (b - 1) / (1 - x)^2
  sum(r * g)^2 - sum(r * (h + g^2))
}
elir <- integrate(function(p) sapply(p, function(x) dmixb(x) * info(x) * x * (1 - x)), 0, 1,
                  rel.tol = 1e-13, subdivisions = 1000L)$value
m1 <- sum(w * a / (a + b)); m2 <- sum(w * a * (a + 1) / ((a + b) * (a + b + 1)))
moment <- m1 * (1 - m1) / (m2 - m1^2) - 1
mode <- optimize(dmixb, c(0.01, 0.99), maximum = TRUE, tol = 1e-14)$maximum
pd0 <- sum(w * b / (a + b))
morita <- (info(mode) - ((1 - mode) / 100 - 1) / (1 - mode)^2 - (mode / 100 - 1) / mode^2) /
  (pd0 / (1 - mode)^2 + (1 - pd0) / mode^2)
cat("transcription: elir", elir, "moment", moment, "morita", morita, "mode", mode, "\n")
mix <- mixbeta(c(0.6, 5.2, 14.1), c(0.3, 2.3, 6.8), c(0.1, 1.5, 1.9))
cat("RBesT: elir", ess(mix, "elir"), "moment", ess(mix, "moment"), "morita", ess(mix, "morita"), "\n")
for (q in c(0.025, 0.5, 0.975)) cat("quantile", q, uniroot(function(x) pmixb(x) - q, c(1e-9, 1 - 1e-9), tol = 1e-15)$root, "\n")
cat("mean", m1, "sd", sqrt(m2 - m1^2), "\n")

# posterior after 7 of 20: weights w_k B(a_k + 7, b_k + 13) / B(a_k, b_k), normalised
pw <- w * exp(lbeta(a + 7, b + 13) - lbeta(a, b)); pw <- pw / sum(pw)
cat("posterior weights", pw, "\n")
cat("P(p > 0.3 | 7 of 20)", sum(pw * pbeta(0.3, a + 7, b + 13, lower.tail = FALSE)), "\n")
print(postmix(mix, r = 7, n = 20))

# Predictive probability (Lee & Liu) with a two-component prior: nmax 40, 5 of 15 so far, p0 0.2, thetaT 0.9
W <- c(0.7, 0.3); A <- c(6, 1); B <- c(14, 1)
post <- function(x, n) { pw <- W * exp(lbeta(A + x, B + n - x) - lbeta(A, B)); pw <- pw / sum(pw)
  list(w = pw, a = A + x, b = B + n - x) }
surv <- function(x, n, p0) { q <- post(x, n); sum(q$w * pbeta(p0, q$a, q$b, lower.tail = FALSE)) }
pp <- function(x, n, nmax, p0, thetaT) {
  q <- post(x, n); m <- nmax - n; i <- 0:m
  pred <- sapply(i, function(k) sum(q$w * choose(m, k) * exp(lbeta(q$a + k, q$b + m - k) - lbeta(q$a, q$b))))
  ok <- sapply(i, function(k) surv(x + k, nmax, p0) > thetaT)
  c(pp = sum(pred[ok]), minFinal = min(x + i[ok]), post = surv(x, n, p0), predSum = sum(pred))
}
cat("pp-monitor 5 of 15, nmax 40:", pp(5, 15, 40, 0.2, 0.9), "\n")
# the futility boundary at n = 20 with thetaL = 0.05: largest r with PP < 0.05
cat("boundary n=20:", max(which(sapply(0:20, function(r) pp(r, 20, 40, 0.2, 0.9)[1] < 0.05))) - 1, "\n")

# BOP2 with the same mixture prior at fixed (lambda, gamma) = (0.8, 1): N = 24, looks at 8, 16, 24, p0 = 0.2, p1 = 0.4
N <- 24; looks <- c(8, 16, 24); lambda <- 0.8; gamma <- 1; p0 <- 0.2; p1 <- 0.4
stop <- sapply(looks[-3], function(n) { thr <- lambda * (n / N)^gamma
  x <- 0:n; s <- sapply(x, function(k) surv(k, n, p0)); if (any(s < thr)) max(x[s < thr]) else -1 })
go <- min((0:N)[sapply(0:N, function(k) surv(k, N, p0)) > lambda])
oc <- function(p) { # exact: enumerate responses per stage
  d <- c(1); prev <- 0; stopped <- 0
  for (k in seq_along(looks)) {
    add <- looks[k] - prev; nd <- rep(0, looks[k] + 1)
    for (x in seq_along(d) - 1) for (j in 0:add) nd[x + j + 1] <- nd[x + j + 1] + d[x + 1] * dbinom(j, add, p)
    d <- nd; prev <- looks[k]
    if (k < length(looks) && stop[k] >= 0) { stopped <- stopped + sum(d[1:(stop[k] + 1)]); d[1:(stop[k] + 1)] <- 0 }
  }
  c(success = sum(d[(go + 1):(N + 1)]), earlyStop = stopped)
}
cat("BOP2 stop", stop, "go", go, "\n"); print(oc(p0)); print(oc(p1))

# RBesT's EM (EM_bmm_ab via mixfit/automixfit) on a deterministic "sample": the 2000 quantiles (i - 0.5)/2000 of a
# known two-component mixture, shuffled (RBesT initialises from the sample order), with tight convergence settings
M2 <- mixbeta(c(0.7, 20, 60), c(0.3, 3, 7))
x <- qmix(M2, (seq_len(2000) - 0.5) / 2000)
set.seed(7)
xs <- sample(x)
f2 <- mixfit(xs, type = "beta", Nc = 2, eps = 8, Niter.max = 20000)
cat("== mixfit Nc = 2 on the quantile sample\n"); print(unclass(f2)[1:3, ]); cat("lli", attr(f2, "lli"), "\n")
af <- automixfit(xs, type = "beta", Nc = 1:4, k = 6, eps = 8, Niter.max = 20000)
cat("automixfit chooses", ncol(af), "components; AIC:\n"); print(sapply(attr(af, "models"), AIC, k = 6))
