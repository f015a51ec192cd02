# Part A: posterior quantities by nested adaptive quadrature (integrate inside integrate),
# cross-checked by (i) importance sampling (1e6 draws, multivariate-t proposal) and
# (ii) the fine trapezoid grid of grid.R (also validates the Part B grid).
# Usage: nice Rscript docs/validation/r/blrm/partA.R [case names...]
args <- commandArgs(trailingOnly = TRUE)
src_dir <- "docs/validation/r/blrm"
source(file.path(src_dir, "common.R"))
source(file.path(src_dir, "grid.R"))
options(digits = 15)

REL_OUT <- 1e-10; REL_IN <- 1e-12
WIN <- 14   # inner a-range: conditional prior mean +/- WIN conditional prior sd; outer b: mb +/- WIN sb

# For a fixed b: integrals over a of w(a) * exp(logpost(a,b) - lmax) for all quantities.
# Returns named vector: Z, A (a-moment), under_d, target_d, over_d (d = 1..K).
inner_all <- function(b, cs, lmax) {
  mu <- cs$ma + cs$rho * cs$sa / cs$sb * (b - cs$mb)
  sdc <- cs$sa * sqrt(1 - cs$rho^2)
  lo <- mu - WIN * sdc; hi <- mu + WIN * sdc
  cl <- cut_a(b, cs$L, CUT_LO); ch <- cut_a(b, cs$L, CUT_HI)
  brk <- sort(unique(c(lo, hi, seq(lo, hi, length.out = 15), cl[cl > lo & cl < hi],
                       ch[ch > lo & ch < hi])))
  fz <- function(a) exp(log_post(a, rep(b, length(a)), cs) - lmax)
  fa <- function(a) a * fz(a)
  np <- length(brk) - 1
  pz <- pa <- numeric(np)
  for (i in seq_len(np)) {
    pz[i] <- integrate(fz, brk[i], brk[i + 1], rel.tol = REL_IN, abs.tol = 1e-14,
                       subdivisions = 1000L)$value
    pa[i] <- integrate(fa, brk[i], brk[i + 1], rel.tol = REL_IN, abs.tol = 1e-14,
                       subdivisions = 1000L)$value
  }
  mid <- (brk[-1] + brk[-length(brk)]) / 2
  Z <- sum(pz)
  under <- sapply(seq_len(cs$K), function(d) sum(pz[mid < cl[d]]))
  over <- sapply(seq_len(cs$K), function(d) sum(pz[mid >= ch[d]]))
  target <- sapply(seq_len(cs$K), function(d) sum(pz[mid >= cl[d] & mid < ch[d]]))
  c(Z = Z, A = sum(pa), B = b * Z,
    setNames(under, paste0("under", 1:cs$K)),
    setNames(target, paste0("target", 1:cs$K)),
    setNames(over, paste0("over", 1:cs$K)))
}

quad_case <- function(cs) {
  pm <- post_mode(cs)
  lmax <- pm$lmax
  qnames <- names(inner_all(cs$mb, cs, lmax))
  memo <- new.env(hash = TRUE)   # cache: same b-nodes are reused by the outer integrals
  memo_inner <- function(b) {
    k <- sprintf("%.17g", b)
    v <- memo[[k]]
    if (is.null(v)) { v <- inner_all(b, cs, lmax); assign(k, v, envir = memo) }
    v
  }
  # outer integral over b for each quantity separately (integrate needs scalar integrands)
  bbrk <- seq(cs$mb - WIN * cs$sb, cs$mb + WIN * cs$sb, length.out = 29)
  res <- sapply(qnames, function(q) {
    g <- function(bv) sapply(bv, function(b) memo_inner(b)[[q]])
    tot <- 0
    for (i in seq_len(length(bbrk) - 1))
      tot <- tot + integrate(g, bbrk[i], bbrk[i + 1], rel.tol = REL_OUT, abs.tol = 1e-15,
                             subdivisions = 1000L)$value
    tot
  })
  Z <- res[["Z"]]
  K <- cs$K
  list(mean_a = res[["A"]] / Z, mean_b = res[["B"]] / Z,
       under = res[paste0("under", 1:K)] / Z, target = res[paste0("target", 1:K)] / Z,
       over = res[paste0("over", 1:K)] / Z, logZ = lmax + log(Z), mode = pm$mode,
       sumcheck = (res[paste0("under", 1:K)] + res[paste0("target", 1:K)] +
                   res[paste0("over", 1:K)]) / Z - 1)
}

# Importance sampling: multivariate t (df 4) proposal at the mode, covariance 2^2 * inverse Hessian
is_case <- function(cs, N = 1e6, seed = 20240601) {
  set.seed(seed)
  pm <- post_mode(cs)
  S <- 4 * pm$cov; df <- 4
  R <- chol(S)
  z <- matrix(rnorm(2 * N), N, 2) %*% R
  w <- sqrt(rchisq(N, df) / df)
  th <- sweep(z / w, 2, pm$mode, "+")
  # log t density (up to constant, it cancels in self-normalised IS)
  Si <- solve(S)
  dlt <- th - matrix(pm$mode, N, 2, byrow = TRUE)
  q <- rowSums((dlt %*% Si) * dlt)
  lq <- -(df + 2) / 2 * log1p(q / df)
  lw <- log_post(th[, 1], th[, 2], cs) - lq
  wt <- exp(lw - max(lw)); wt <- wt / sum(wt)
  est <- function(h) { m <- sum(wt * h); c(est = m, se = sqrt(sum(wt^2 * (h - m)^2))) }
  a <- th[, 1]; b <- th[, 2]; eb <- exp(b)
  K <- cs$K
  out <- list(mean_a = est(a), mean_b = est(b), ess = 1 / sum(wt^2))
  out$under <- t(sapply(1:K, function(d) est(a + eb * cs$L[d] < qlogis(CUT_LO))))
  out$over <- t(sapply(1:K, function(d) est(a + eb * cs$L[d] >= qlogis(CUT_HI))))
  out$target <- t(sapply(1:K, function(d) {
    e <- a + eb * cs$L[d]; est(e >= qlogis(CUT_LO) & e < qlogis(CUT_HI)) }))
  out
}

# Prior-only semi-analytic check (case 4): P(a < cut(b)) = E_b[ pnorm(...) ], 1-D integrate
prior_1d <- function(cs) {
  sdc <- cs$sa * sqrt(1 - cs$rho^2)
  pb <- function(c, d, upper) function(b) {
    mu <- cs$ma + cs$rho * cs$sa / cs$sb * (b - cs$mb)
    pnorm(cut_a(b, cs$L[d], c), mu, sdc, lower.tail = !upper) * dnorm(b, cs$mb, cs$sb)
  }
  bb <- seq(cs$mb - 14 * cs$sb, cs$mb + 14 * cs$sb, length.out = 29)
  I <- function(f) sum(sapply(1:28, function(i)
    integrate(f, bb[i], bb[i + 1], rel.tol = 1e-13, abs.tol = 1e-17)$value))
  under <- sapply(1:cs$K, function(d) I(pb(CUT_LO, d, FALSE)))
  over <- sapply(1:cs$K, function(d) I(pb(CUT_HI, d, TRUE)))
  list(under = under, target = 1 - under - over, over = over)
}

if (!exists("PARTA_NO_MAIN")) {
if (length(args) == 0) args <- names(cases)
fmt <- function(v) formatC(v, digits = 11, format = "f")
allres <- list()
for (nm in args) {
  cs <- cases[[nm]]
  t0 <- proc.time()[["elapsed"]]
  Q <- quad_case(cs)
  t1 <- proc.time()[["elapsed"]]
  IS <- is_case(cs)
  G <- make_grid(cs, 401, 401); GP <- grid_post(G, cs$n, cs$y)
  G2 <- make_grid(cs, 801, 801); GP2 <- grid_post(G2, cs$n, cs$y)
  cat(sprintf("\n===== %s  (quadrature %.1fs) =====\n", nm, t1 - t0))
  cat(sprintf("mode = (%.8f, %.8f)  logZ(normalised prior) = %.10f\n",
              Q$mode[1], Q$mode[2], Q$logZ))
  cat(sprintf("QUAD mean_a = %s   mean_b = %s\n", fmt(Q$mean_a), fmt(Q$mean_b)))
  cat(sprintf("IS   mean_a = %.6f (se %.1e)  mean_b = %.6f (se %.1e)  ESS=%.0f\n",
              IS$mean_a[1], IS$mean_a[2], IS$mean_b[1], IS$mean_b[2], IS$ess))
  cat(sprintf("GRID401 mean_a = %.10f mean_b = %.10f ; GRID801 %.10f %.10f\n",
              GP$mean_a, GP$mean_b, GP2$mean_a, GP2$mean_b))
  tab <- data.frame(dose = 1:cs$K, x = cs$x,
                    under = fmt(Q$under), target = fmt(Q$target), over = fmt(Q$over))
  print(tab, row.names = FALSE)
  cat("max |under+target+over-1| (quad, computed separately):", max(abs(Q$sumcheck)), "\n")
  z <- cbind(u = (IS$under[, 1] - Q$under) / IS$under[, 2],
             t = (IS$target[, 1] - Q$target) / IS$target[, 2],
             o = (IS$over[, 1] - Q$over) / IS$over[, 2])
  z[!is.finite(z)] <- 0; rownames(z) <- paste0("dose", 1:cs$K)
  cat("IS estimates (under, target, over) and SEs:\n")
  print(round(cbind(IS$under, IS$target, IS$over), 6))
  cat("IS z-scores (IS - QUAD)/SE:\n"); print(round(z, 2))
  d401 <- max(abs(c(GP$under - Q$under, GP$target - Q$target, GP$over - Q$over)))
  d801 <- max(abs(c(GP2$under - Q$under, GP2$target - Q$target, GP2$over - Q$over)))
  cat(sprintf("GRID401 max abs diff interval probs vs QUAD: %.3e ; means: %.3e %.3e\n",
              d401, GP$mean_a - Q$mean_a, GP$mean_b - Q$mean_b))
  cat(sprintf("GRID801 max abs diff interval probs vs QUAD: %.3e ; means: %.3e %.3e\n",
              d801, GP2$mean_a - Q$mean_a, GP2$mean_b - Q$mean_b))
  if (all(cs$n == 0)) {
    P1 <- prior_1d(cs)
    cat(sprintf("PRIOR 1-D pnorm integral max abs diff vs QUAD: %.3e\n",
                max(abs(c(P1$under - Q$under, P1$over - Q$over, P1$target - Q$target)))))
  }
  allres[[nm]] <- list(Q = Q, IS = IS, GP = GP, GP2 = GP2)
}
saveRDS(allres, file.path(src_dir, paste0("partA_", paste(args, collapse = "_"), ".rds")))
}
