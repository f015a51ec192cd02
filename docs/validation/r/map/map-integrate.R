# Independent reference values for design.map-prior by adaptive numerical integration in base R (stats::integrate,
# nested three deep), no RBesT and no quadrature rule shared with the Java code (which uses adaptive Gauss-Hermite
# for each study's logit and a Gauss-Legendre tensor grid for (mu, tau)).
# Model (RBesT gMAP, tau.dist = "HalfNormal"): r_h ~ Bin(n_h, p_h), logit(p_h) ~ N(mu, tau^2),
# mu ~ N(m0, s0^2), tau ~ HalfNormal(0, ts). Run: Rscript docs/validation/r/map/map-integrate.R  (several minutes)
options(digits = 17)
TOL <- 1e-10

make <- function(n, r, m0, s0, ts, mu_range, tau_max) {
  lik1 <- function(mu, tau, nh, rh) {
    f <- function(th) dbinom(rh, nh, plogis(th)) * dnorm(th, mu, tau)
    integrate(f, mu - 12 * tau, mu + 12 * tau, rel.tol = TOL, subdivisions = 500L, stop.on.error = FALSE)$value
  }
  post <- function(mu, tau) { # unnormalised, scalar
    v <- dnorm(mu, m0, s0) * 2 * dnorm(tau, 0, ts)
    for (h in seq_along(n)) v <- v * lik1(mu, tau, n[h], r[h])
    v
  }
  # E[g(mu, tau)] and the normaliser by nested integration: tau outer, mu inner
  integ <- function(g) {
    inner <- function(tau) sapply(tau, function(t) integrate(function(mu) sapply(mu, function(m) post(m, t) * g(m, t)),
                                                              mu_range[1] - 4 * t, mu_range[2] + 4 * t, rel.tol = 1e-10)$value)
    # the outer integral in two pieces: most of the mass of tau is below 1
    integrate(inner, 0, 1, rel.tol = 1e-10)$value + integrate(inner, 1, tau_max, rel.tol = 1e-10)$value
  }
  Z <- integ(function(m, t) 1)
  E <- function(g) integ(g) / Z
  list(E = E, Z = Z, lik1 = lik1, post = post)
}

report <- function(label, n, r, m0, s0, ts, mu_range, tau_max) {
  cat("==", label, "\n")
  M <- make(n, r, m0, s0, ts, mu_range, tau_max)
  E <- M$E
  et <- E(function(m, t) t); et2 <- E(function(m, t) t^2)
  em <- E(function(m, t) m); em2 <- E(function(m, t) m^2)
  cat("tau mean", et, "sd", sqrt(et2 - et^2), "\n")
  cat("mu  mean", em, "sd", sqrt(em2 - em^2), "\n")
  # P(tau <= x): the outer integral over (0, x) only
  ptau <- function(x) {
    inner <- function(tau) sapply(tau, function(t) integrate(function(mu) sapply(mu, function(m) M$post(m, t)),
                                                              mu_range[1] - 4 * t, mu_range[2] + 4 * t, rel.tol = 1e-10)$value)
    integrate(inner, 0, x, rel.tol = 1e-10)$value / M$Z
  }
  for (q in c(0.025, 0.5, 0.975)) {
    cat("tau quantile", q, uniroot(function(x) ptau(x) - q, c(1e-6, tau_max - 1e-6), tol = 1e-10)$root, "\n")
  }
  # MAP: p_new = plogis(theta_new), theta_new | mu, tau ~ N(mu, tau^2)
  ep <- function(k) E(function(m, t) integrate(function(th) plogis(th)^k * dnorm(th, m, t), m - 12 * t, m + 12 * t,
                                               rel.tol = TOL)$value)
  e1 <- ep(1); e2 <- ep(2)
  cat("MAP mean", e1, "sd", sqrt(e2 - e1^2), "\n")
  # P(p_new <= q): the inner integrand post(mu, tau) pnorm((qlogis(q) - mu) / tau) has a step of width tau at
  # mu = qlogis(q); the inner integral is split there so that integrate() never has to find it
  Fp <- function(q) {
    x <- qlogis(q)
    inner <- function(tau) sapply(tau, function(t) {
      f <- function(mu) sapply(mu, function(m) M$post(m, t) * pnorm(x, m, t))
      lo <- mu_range[1] - 4 * t; hi <- mu_range[2] + 4 * t
      cuts <- sort(unique(pmin(hi, pmax(lo, c(lo, x - 8 * t, x + 8 * t, hi)))))
      sum(sapply(seq_len(length(cuts) - 1), function(k)
        if (cuts[k + 1] > cuts[k]) integrate(f, cuts[k], cuts[k + 1], rel.tol = 1e-10)$value else 0))
    })
    (integrate(inner, 0, 1, rel.tol = 1e-10)$value + integrate(inner, 1, tau_max, rel.tol = 1e-10)$value) / M$Z
  }
  for (q in c(0.025, 0.5, 0.975)) {
    cat("MAP quantile", q, uniroot(function(x) Fp(x) - q, c(1e-4, 1 - 1e-4), tol = 1e-10)$root, "\n")
  }
  cat("MAP cdf at 0.2", Fp(0.2), "\n")
  # shrinkage estimate of study 1: E[p_1 | data]
  sh <- E(function(m, t) {
    f0 <- function(th) dbinom(r[1], n[1], plogis(th)) * dnorm(th, m, t)
    integrate(function(th) plogis(th) * f0(th), m - 12 * t, m + 12 * t, rel.tol = TOL)$value /
      integrate(f0, m - 12 * t, m + 12 * t, rel.tol = TOL)$value
  })
  cat("shrinkage mean study 1", sh, "\n")
}

report("scenario 1", n = c(30, 45, 25, 60, 38, 52), r = c(6, 11, 4, 15, 9, 10), m0 = 0, s0 = 2, ts = 1,
       mu_range = c(-3.5, 1), tau_max = 5)
report("scenario 2", n = c(20, 35, 50, 15), r = c(2, 12, 9, 6), m0 = -1, s0 = 1.5, ts = 0.5,
       mu_range = c(-4, 2), tau_max = 3)
