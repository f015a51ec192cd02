## Reference values for design.blrm-combo-posterior (io.daybreak.methods.design.blrm2), pinned in
## tests/io.daybreak.methods.design.tests/.../blrm2/Blrm2ReferenceTest.java.
## Independent computation: Stan (rstan 2.21.7) NUTS on exactly the model in blrm2.stan.
## Run: Rscript docs/validation/r/combination/blrm2/blrm2-reference.R   (from the repository root)
.libPaths(c("/work/Rlib", .libPaths()))
## Debian's r-cran-bh keeps the headers in /usr/include/boost and has no BH/include, which rstan's stan_model
## requires ("Boost not found"): shim a copy of the package whose include/ points at /usr/include.
bh <- system.file(package = "BH")
if (!dir.exists(file.path(bh, "include"))) {
  shim <- file.path(tempdir(), "bhlib")
  dir.create(shim)
  file.copy(bh, shim, recursive = TRUE)
  file.symlink("/usr/include", file.path(shim, "BH", "include"))
  .libPaths(c(shim, .libPaths()))
}
suppressPackageStartupMessages(library(rstan))
rstan_options(auto_write = FALSE)
here <- "docs/validation/r/combination/blrm2"
mod <- stan_model(file.path(here, "blrm2.stan"))

dA <- c(3, 4.5, 6); dB <- c(400, 600, 800); refA <- 6; refB <- 960
grid <- expand.grid(b = seq_along(dB), a = seq_along(dA))[, c("a", "b")]   # row by row: A1 with B1..B3, A2, ...
gx1 <- log(dA[grid$a] / refA); gx2 <- log(dB[grid$b] / refB)
gz <- (dA[grid$a] / refA) * (dB[grid$b] / refB)
prior <- list(m1 = c(qlogis(0.2), 0), S1 = diag(c(2^2, 1^2)),
              m2 = c(qlogis(0.2), 0), S2 = diag(c(2^2, 1^2)), mEta = 0, sEta = sqrt(2) / 2)

## data sets, per cell row by row (A level 1 with B levels 1..3, then A level 2, ...)
sets <- list(
  prior    = list(n = c(0, 0, 0,  0, 0, 0,  0, 0, 0), y = c(0, 0, 0,  0, 0, 0,  0, 0, 0)),
  cohorts  = list(n = c(3, 0, 0,  3, 6, 0,  0, 3, 0), y = c(0, 0, 0,  0, 1, 0,  0, 0, 0)),
  highdlts = list(n = c(3, 0, 0,  0, 3, 3,  0, 3, 6), y = c(0, 0, 0,  0, 0, 1,  0, 0, 3)))

for (name in names(sets)) {
  s <- sets[[name]]; has <- which(s$n > 0)
  data <- c(list(N = length(has), n = as.array(s$n[has]), y = as.array(s$y[has]),
                 x1 = as.array(gx1[has]), x2 = as.array(gx2[has]), z = as.array(gz[has]),
                 G = nrow(grid), gx1 = gx1, gx2 = gx2, gz = gz), prior)
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
sessionInfo()$otherPkgs$rstan$Version
