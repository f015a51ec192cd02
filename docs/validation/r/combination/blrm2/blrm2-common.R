## Shared by blrm2-reference.R and blrm2-mixture.R: rstan's setup, the docs' 3 x 3 grid and the printed summary of a
## fit (per combination row by row: mean of p, sd, P(under), its MC SE, P(target), SE, P(over), SE, MC SE of the mean).
source("docs/validation/r/map/blrm/common.R")
rstan_options(auto_write = FALSE)
here <- "docs/validation/r/combination/blrm2"

dA <- c(3, 4.5, 6); dB <- c(400, 600, 800); refA <- 6; refB <- 960
grid <- expand.grid(b = seq_along(dB), a = seq_along(dA))[, c("a", "b")]   # row by row: A1 with B1..B3, A2, ...
gx1 <- log(dA[grid$a] / refA); gx2 <- log(dB[grid$b] / refB)
gz <- (dA[grid$a] / refA) * (dB[grid$b] / refB)

## Stan's data for patients n and DLTs y per cell (row by row), with the prior's entries.
stan_data <- function(s, prior) {
  has <- which(s$n > 0)
  c(list(N = length(has), n = as.array(s$n[has]), y = as.array(s$y[has]),
         x1 = as.array(gx1[has]), x2 = as.array(gx2[has]), z = as.array(gz[has]),
         G = nrow(grid), gx1 = gx1, gx2 = gx2, gz = gz), prior)
}

## NUTS, 4 chains x 25,000 draws after 1,000 warm-up, seed 20261203; prints the summary the tests pin.
run_and_print <- function(mod, name, data) {
  fit <- sampling(mod, data = data, chains = 4, iter = 26000, warmup = 1000, seed = 20261203,
                  cores = 2, refresh = 0)
  p <- extract(fit, "p", permuted = FALSE)   # iterations x chains x G
  cat(sprintf("\n## data set %s: max Rhat %.4f, divergences %d\n", name,
              max(summary(fit)$summary[, "Rhat"], na.rm = TRUE),
              sum(get_sampler_params(fit, inc_warmup = FALSE) |> sapply(function(x) sum(x[, "divergent__"])))))
  cat("## a b mean sd pUnder seUnder pTarget seTarget pOver seOver seMean\n")
  for (g in seq_len(nrow(grid))) {
    pg <- p[, , g]
    ind <- list(pg < 0.16, pg >= 0.16 & pg < 0.33, pg >= 0.33)
    est <- sapply(ind, mean)
    se <- sapply(ind, function(m) { m <- m * 1.0; if (sd(c(m)) == 0) 0 else sd(c(m)) / sqrt(ess_bulk(m)) })
    cat(sprintf("%d %d %.5f %.5f %.5f %.5f %.5f %.5f %.5f %.5f %.5f\n", grid$a[g], grid$b[g], mean(pg), sd(c(pg)),
                est[1], se[1], est[2], se[2], est[3], se[3], sd(c(pg)) / sqrt(ess_bulk(pg))))
  }
}
