# Reference values for design.randomised-selection (RandomisedSelectionTest): brute-force enumeration of every
# joint outcome (x_1, y_1, ..., x_J, y_J) of a randomised stage with n patients per arm, independent of the
# engine's factorised computation. Base R only. Run: Rscript docs/validation/r/optimisation/randomised_selection.R
# Rules (docs/designs.md, "Randomised dose optimisation"): arm j admissible when
#   1 - pbeta(phiT, 1 + x, 1 + n - x) <= cT  and  pbeta(phiE, 1 + y, 1 + n - y) <= cE;
# non-inferiority: r = highest admissible arm; lowest admissible j < r with y_r - y_j < lambda * n, else r;
# utility: highest posterior mean utility (E[q] = (y+1)/(n+2), E[p] = (x+1)/(n+2)), ties to the lower dose.
options(digits = 17)

rules <- function(n, phiT = 0.3, cT = 0.9, phiE = 0.2, cE = 0.9, lambda = 0.05, uB = 60, uN = 40) {
  x <- 0:n
  list(n = n,
       maxTox = max(c(-1, x[1 - pbeta(phiT, 1 + x, 1 + n - x) <= cT])),
       minResp = min(c(n + 1, x[pbeta(phiE, 1 + x, 1 + n - x) <= cE])),
       maxDeficit = ceiling(lambda * n - 1e-9) - 1,
       util = function(x, y) { q <- (y + 1) / (n + 2); p <- (x + 1) / (n + 2)
         100 * q * (1 - p) + uB * q * p + uN * (1 - q) * (1 - p) })
}

select <- function(R, x, y, rule) {
  J <- length(x)
  adm <- x <= R$maxTox & y >= R$minResp
  if (!any(adm)) return(0)
  if (rule == "ni") {
    r <- max(which(adm))
    for (j in seq_len(r - 1)) if (adm[j] && y[r] - y[j] <= R$maxDeficit) return(j)
    return(r)
  }
  u <- ifelse(adm, R$util(x, y), -Inf)
  which(u == max(u))[1]   # computed identically per (x, y), so ties are exact
}

# P(select arm j), j = 1..J, then P(no selection), by enumerating all (n+1)^(2J) outcomes
exact <- function(n, p, q, rule, ...) {
  R <- rules(n, ...)
  J <- length(p)
  grid <- as.matrix(expand.grid(rep(list(0:n), 2 * J)))
  w <- rep(1, nrow(grid))
  for (j in 1:J) w <- w * dbinom(grid[, j], n, p[j]) * dbinom(grid[, J + j], n, q[j])
  sel <- apply(grid, 1, function(g) select(R, g[1:J], g[J + 1:J], rule))
  out <- sapply(c(1:J, 0), function(k) sum(w[sel == k]))
  cat(sprintf("n=%d p=%s q=%s rule=%s maxTox=%d minResp=%d maxDeficit=%d\n  probs=%s\n", n,
              paste(p, collapse = ","), paste(q, collapse = ","), rule, R$maxTox, R$minResp, R$maxDeficit,
              paste(sprintf("%.15f", out), collapse = ", ")))
  invisible(out)
}

exact(12, c(0.1, 0.25), c(0.35, 0.45), "ni")
exact(12, c(0.1, 0.25), c(0.35, 0.45), "utility")
exact(20, c(0.15, 0.3), c(0.3, 0.4), "ni", lambda = 0.08)
exact(20, c(0.15, 0.3), c(0.3, 0.4), "utility", uB = 50, uN = 30)
exact(6, c(0.05, 0.2, 0.4), c(0.25, 0.4, 0.45), "ni", lambda = 0.1)
exact(6, c(0.05, 0.2, 0.4), c(0.25, 0.4, 0.45), "utility")
# 2 arms, non-inferiority only needs the responses when the toxicities are all acceptable; a larger n by
# enumerating the responses only (toxicity factor p_ok per arm), again a different path from the engine's
ni2 <- function(n, p, q, lambda, ...) {
  R <- rules(n, lambda = lambda, ...)
  tOk <- pbinom(R$maxTox, n, p)
  y <- as.matrix(expand.grid(0:n, 0:n))
  w <- dbinom(y[, 1], n, q[1]) * dbinom(y[, 2], n, q[2])
  eOk1 <- y[, 1] >= R$minResp; eOk2 <- y[, 2] >= R$minResp
  low <- 0; high <- 0
  for (a1 in c(TRUE, FALSE)) for (a2 in c(TRUE, FALSE)) {
    pt <- (if (a1) tOk[1] else 1 - tOk[1]) * (if (a2) tOk[2] else 1 - tOk[2])
    adm1 <- a1 & eOk1; adm2 <- a2 & eOk2
    pick1 <- adm1 & (!adm2 | (y[, 2] - y[, 1] <= R$maxDeficit))
    pick2 <- adm2 & !pick1
    low <- low + pt * sum(w[pick1]); high <- high + pt * sum(w[pick2])
  }
  cat(sprintf("ni2 n=%d lambda=%g: low=%.15f high=%.15f none=%.15f\n", n, lambda, low, high, 1 - low - high))
}
for (n in c(30, 40, 50)) {
  ni2(n, c(0.1, 0.2), c(0.4, 0.4), 0.05)   # equal response: lower dose correct
  ni2(n, c(0.1, 0.2), c(0.3, 0.45), 0.05)  # 0.15 lower: higher dose correct (margin 0.1)
}

# Sample size by PCS: smallest n per arm (10..80) at which both scenarios reach the target, 2 arms, non-inferiority
# (toxicity 0.1, 0.2; scenario 1 equal response 0.4, 0.4 -> lower dose right; scenario 2 0.3, 0.45 -> higher dose)
pcs2 <- function(n, q, lambda) {
  R <- rules(n, lambda = lambda); p <- c(0.1, 0.2)
  tOk <- pbinom(R$maxTox, n, p)
  y <- as.matrix(expand.grid(0:n, 0:n))
  w <- dbinom(y[, 1], n, q[1]) * dbinom(y[, 2], n, q[2])
  low <- 0; high <- 0
  for (a1 in c(TRUE, FALSE)) for (a2 in c(TRUE, FALSE)) {
    pt <- (if (a1) tOk[1] else 1 - tOk[1]) * (if (a2) tOk[2] else 1 - tOk[2])
    adm1 <- a1 & y[, 1] >= R$minResp; adm2 <- a2 & y[, 2] >= R$minResp
    pick1 <- adm1 & (!adm2 | (y[, 2] - y[, 1] <= R$maxDeficit))
    low <- low + pt * sum(w[pick1]); high <- high + pt * sum(w[adm2 & !pick1])
  }
  c(low, high)
}
for (target in c(0.65, 0.7)) {
  for (n in 10:80) {
    a <- pcs2(n, c(0.4, 0.4), 0.075)[1]; b <- pcs2(n, c(0.3, 0.45), 0.075)[2]
    if (min(a, b) >= target) { cat(sprintf("target %.2f lambda 0.075: n = %d, PCS %.15f %.15f\n", target, n, a, b)); break }
  }
}
