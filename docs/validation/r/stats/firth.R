# Firth-penalised logistic regression, an independent base-R transcription (Firth 1993; Heinze & Schemper 2002;
# as R logistf's point estimates): maximise l(b) + 0.5 log det I(b) by Newton steps b += I^-1 U*, with the
# modified score U* = X'(y - p + h (1/2 - p)), h = diag(W^1/2 X I^-1 X' W^1/2), step-halving on the penalised
# log-likelihood; standard errors sqrt(diag(I(b)^-1)). Run: Rscript firth.R
firth <- function(X, y, tol = 1e-14, maxit = 200) {
  b <- rep(0, ncol(X))
  pen <- function(b) { p <- plogis(drop(X %*% b)); I <- crossprod(X * sqrt(p * (1 - p)))
    sum(y * log(p) + (1 - y) * log(1 - p)) + 0.5 * determinant(I)$modulus[1] }
  for (it in 1:maxit) {
    p <- plogis(drop(X %*% b)); w <- p * (1 - p); I <- crossprod(X * sqrt(w)); Ii <- solve(I)
    h <- rowSums((X %*% Ii) * X) * w
    U <- crossprod(X, y - p + h * (0.5 - p))
    step <- drop(Ii %*% U); old <- pen(b)
    for (k in 0:30) { nb <- b + step / 2^k; if (pen(nb) >= old - 1e-12 * abs(old)) break }
    done <- max(abs(nb - b)) < tol; b <- nb; if (done) break
  }
  p <- plogis(drop(X %*% b)); I <- crossprod(X * sqrt(p * (1 - p)))
  list(coef = b, se = sqrt(diag(solve(I))), loglik = pen(b), iter = it)
}
options(digits = 15)
data <- Sys.getenv("DAYBREAK_DATA", "../../../../../shared/data")
infert <- read.csv(file.path(data, "datasets_infert.csv"))
cat("== infert: case ~ spontaneous + induced\n")
f <- firth(cbind(1, infert$spontaneous, infert$induced), infert$case); print(f)
cat("== separated: y = (x > 2), x = 1..6 plus a second covariate\n")
x <- c(1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6); z <- c(0, 1, 0, 1, 1, 0, 1, 0, 0, 1, 0, 1); y <- as.numeric(x > 2)
f <- firth(cbind(1, x, z), y); print(f)
cat(paste(x, z, y, collapse = "\n"), "\n")
cat("== lung: (status == 2) ~ age + sex (the federated test and the multi-process harness)\n")
lung <- read.csv(file.path(data, "survival_lung.csv"))
f <- firth(cbind(1, lung$age, lung$sex), as.numeric(lung$status == 2)); print(f)
