# Common definitions for the BLRM reference computations (base R only).
# Model: logit p_d = a + exp(b) * log(x_d / dref);  (a,b) ~ BVN((ma,mb), (sa,sb), rho)
# Likelihood: prod_d p_d^y_d (1-p_d)^(n_d - y_d)
# Intervals: under = P(p < 0.16), target = P(0.16 <= p < 0.33), over = P(p >= 0.33)

CUT_LO <- 0.16
CUT_HI <- 0.33

mk_case <- function(x, dref, ma, mb, sa, sb, rho, n, y) {
  list(x = x, dref = dref, L = log(x / dref), ma = ma, mb = mb, sa = sa, sb = sb,
       rho = rho, n = n, y = y, K = length(x))
}

cases <- list(
  case1 = mk_case(1:6, 3, qlogis(0.3), 0, 2, 1, 0,
                  n = c(3, 3, 6, 0, 0, 0), y = c(0, 0, 1, 0, 0, 0)),
  case2 = mk_case(1:6, 3, qlogis(0.3), 0, 2, 1, 0.3,
                  n = c(3, 3, 3, 6, 3, 0), y = c(0, 0, 1, 2, 2, 0)),
  case3 = mk_case(c(10, 25, 50, 100, 200), 50, qlogis(0.25), 0.2, 1.5, 0.8, -0.2,
                  n = c(3, 3, 9, 6, 0), y = c(0, 0, 2, 3, 0)),
  case4 = mk_case(1:6, 3, qlogis(0.3), 0, 2, 1, 0,
                  n = rep(0, 6), y = rep(0, 6))
)

# log prior density (fully normalised bivariate normal), vectorised in a, b
log_prior <- function(a, b, cs) {
  za <- (a - cs$ma) / cs$sa
  zb <- (b - cs$mb) / cs$sb
  r <- cs$rho
  -log(2 * pi * cs$sa * cs$sb * sqrt(1 - r^2)) -
    (za^2 - 2 * r * za * zb + zb^2) / (2 * (1 - r^2))
}

# log likelihood, vectorised in a, b (same length or recycled)
log_lik <- function(a, b, cs) {
  eb <- exp(b)
  out <- 0
  for (d in seq_len(cs$K)) {
    if (cs$n[d] > 0) {
      eta <- a + eb * cs$L[d]
      out <- out + cs$y[d] * plogis(eta, log.p = TRUE) +
        (cs$n[d] - cs$y[d]) * plogis(eta, lower.tail = FALSE, log.p = TRUE)
    }
  }
  out
}

log_post <- function(a, b, cs) log_prior(a, b, cs) + log_lik(a, b, cs)

# posterior mode and Hessian-based covariance
post_mode <- function(cs) {
  f <- function(th) -log_post(th[1], th[2], cs)
  o <- optim(c(cs$ma, cs$mb), f, method = "BFGS", hessian = TRUE,
             control = list(reltol = 1e-14, maxit = 1000))
  list(mode = o$par, lmax = -o$value, cov = solve(o$hessian))
}

# cut points on a for fixed b: p_d >= c  <=>  a >= qlogis(c) - exp(b) * L_d
cut_a <- function(b, L, c) qlogis(c) - exp(b) * L
