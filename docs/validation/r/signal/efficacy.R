# Reference values for the early-efficacy part of the signal family (signal.thall-simon, signal.orr and the
# minimum-future-responses extension of design.pp-monitor). R 4.2.2; ph2bayes 0.0.2 installed from source
# (github:cran/ph2bayes) into /work/Rlib. Run: Rscript docs/validation/r/signal/efficacy.R
# The tests pin these numbers; the build never runs R.
.libPaths(c("/work/Rlib", .libPaths()))
library(ph2bayes)
options(digits = 17)

cat("## Thall & Simon criterion P(p_E > p_S + delta | y, n)\n")
# independent of ph2bayes: the same integral by R's integrate() at a tight tolerance
tight <- function(y, n, ae, be, as, bs, delta, tol = 1e-13) {
  f <- function(x) pbeta(x + delta, ae + y, be + n - y, lower.tail = FALSE) * dbeta(x, as, bs)
  integrate(f, 0, 1 - delta, rel.tol = tol, subdivisions = 10000L)$value
}
cases <- list(
  c(5, 20, 0.6, 1.4, 15, 35, 0), c(12, 40, 0.6, 1.4, 15, 35, 0), c(3, 10, 0.4, 1.6, 10, 40, 0.1),
  c(0, 1, 0.6, 1.4, 15, 35, 0), c(25, 30, 0.6, 1.4, 15, 35, 0.15), c(7, 25, 0.5, 0.5, 0.7, 0.8, 0),
  c(2, 15, 1, 1, 0.5, 3, 0.05), c(40, 40, 0.6, 1.4, 15, 35, 0))
for (cs in cases) {
  cat(sprintf("y=%g n=%g aE=%g bE=%g aS=%g bS=%g delta=%g  postprob=%.17g  tight=%.17g\n", cs[1], cs[2], cs[3], cs[4],
    cs[5], cs[6], cs[7], postprob(cs[1], cs[2], cs[3], cs[4], cs[5], cs[6], cs[7]),
    tight(cs[1], cs[2], cs[3], cs[4], cs[5], cs[6], cs[7])))
}

cat("\n## stopbound_post, full per-n vectors (the package's loop; stopbound_post drops repeated bounds)\n")
full <- function(theta, type, nmax, ae, be, as, bs, delta) {
  if (type == "superiority") delta <- 0
  sapply(1:nmax, function(n) {
    ys <- if (type == "superiority") 0:n else n:0
    for (y in ys) {
      p <- postprob(y, n, ae, be, as, bs, delta)
      if ((type == "superiority" && p >= theta) || (type == "futility" && p <= theta)) return(y)
    }
    NA
  })
}
show <- function(theta, type, nmax, ae, be, as, bs, delta) {
  v <- full(theta, type, nmax, ae, be, as, bs, delta)
  sb <- stopbound_post(theta, type, nmax, ae, be, as, bs, delta)
  d <- data.frame(n = 1:nmax, bound = v)
  stopifnot(identical(as.integer(sb$n), d$n[!duplicated(d$bound)]), identical(sb$bound, d$bound[!duplicated(d$bound)]))
  cat(sprintf("stopbound_post(%g, \"%s\", %d, %g, %g, %g, %g, %g)\n", theta, type, nmax, ae, be, as, bs, delta))
  print(sb, row.names = FALSE)
  cat("per n:", paste(ifelse(is.na(v), -1, v), collapse = ","), "\n")
}
show(0.05, "futility", 40, 0.6, 1.4, 15, 35, 0)
show(0.95, "superiority", 40, 0.6, 1.4, 15, 35, 0)
show(0.05, "futility", 30, 0.4, 1.6, 10, 40, 0)
show(0.99, "superiority", 30, 0.4, 1.6, 10, 40, 0)
show(0.10, "futility", 50, 0.3, 0.7, 6, 14, 0.15)
show(0.90, "superiority", 50, 0.3, 0.7, 6, 14, 0.15)

cat("\n## ORR: binom.test Clopper-Pearson, Beta(0.5, 0.5) posterior, target 0.2, level 0.95\n")
orr <- data.frame(group = c("10 mg", "20 mg", "40 mg", "80 mg"), n = c(6, 12, 15, 9), r = c(0, 3, 7, 9))
for (i in seq_len(nrow(orr))) {
  r <- orr$r[i]; n <- orr$n[i]; a <- 0.5 + r; b <- 0.5 + n - r
  ci <- binom.test(r, n)$conf.int
  cat(sprintf("%s n=%d r=%d cp=[%.17g, %.17g] mean=%.17g post=[%.17g, %.17g] pabove=%.17g\n", orr$group[i], n, r,
    ci[1], ci[2], a / (a + b), qbeta(0.025, a, b), qbeta(0.975, a, b), pbeta(0.2, a, b, lower.tail = FALSE)))
}
cat("level 0.9, Beta(1, 1), target 0.3, r = 4 of 11:\n")
ci <- binom.test(4, 11, conf.level = 0.9)$conf.int
cat(sprintf("cp=[%.17g, %.17g] post=[%.17g, %.17g] pabove=%.17g\n", ci[1], ci[2], qbeta(0.05, 5, 8), qbeta(0.95, 5, 8),
  pbeta(0.3, 5, 8, lower.tail = FALSE)))
ci <- binom.test(1, 2)$conf.int
cat(sprintf("1 of 2: cp=[%.17g, %.17g]; Beta(1.5, 1.5) P(ORR > 0.5) = %.17g\n", ci[1], ci[2],
  pbeta(0.5, 1.5, 1.5, lower.tail = FALSE)))

cat("\n## Lee & Liu (2008) predictive probability: nmax = 40, p0 = 0.6, Beta(0.6, 0.4), thetaT = 0.9, x = 16 of 23\n")
dbetabinom <- function(i, m, a, b) exp(lchoose(m, i) + lbeta(a + i, b + m - i) - lbeta(a, b))
ll <- function(x, n, nmax, a, b, p0, thetaT) {
  m <- nmax - n; i <- 0:m
  prob <- dbetabinom(i, m, a + x, b + n - x)
  post <- pbeta(p0, a + x + i, b + nmax - x - i, lower.tail = FALSE)
  data.frame(i = i, prob = prob, post = post, success = post > thetaT)
}
t <- ll(16, 23, 40, 0.6, 0.4, 0.6, 0.9)
print(t, digits = 17)
cat(sprintf("PP = %.17g ; ph2bayes::predprob = %.17g\n", sum(t$prob[t$success]), predprob(16, 23, 40, 0.6, 0.4, 0.6, 0.9)))
rstar <- min(which(pbeta(0.6, 0.6 + 0:40, 0.4 + 40 - 0:40, lower.tail = FALSE) > 0.9)) - 1
cat("minimum final responses", rstar, "; minimum future responses", rstar - 16, "\n")
t2 <- ll(10, 20, 40, 0.6, 0.4, 0.6, 0.9)
cat(sprintf("x = 10 of 20: PP = %.17g ; predprob = %.17g ; future needed %d\n", sum(t2$prob[t2$success]),
  predprob(10, 20, 40, 0.6, 0.4, 0.6, 0.9), rstar - 10))
t3 <- ll(8, 12, 25, 1, 1, 0.3, 0.95)
rstar3 <- min(which(pbeta(0.3, 1 + 0:25, 1 + 25 - 0:25, lower.tail = FALSE) > 0.95)) - 1
cat(sprintf("nmax 25, p0 0.3, Beta(1,1), thetaT 0.95, x = 8 of 12: PP = %.17g ; predprob = %.17g ; rstar %d\n",
  sum(t3$prob[t3$success]), predprob(8, 12, 25, 1, 1, 0.3, 0.95), rstar3))
