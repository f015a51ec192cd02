# Seeded benchmark table of 1,000,000 drug-event pairs (N >= 1, E) drawn from DuMouchel's model:
# E log-normal, lambda from a two-gamma mixture, N ~ Poisson(lambda * E), zero counts dropped.
# Usage: Rscript make_pairs.R /tmp/ebgm-1e6.csv
args <- commandArgs(TRUE)
out <- if (length(args)) args[1] else "/tmp/ebgm-1e6.csv"
set.seed(17001)
target <- 1e6
E <- rlnorm(3.2e6, -1.2, 1.3)
comp1 <- runif(length(E)) < 0.1
lambda <- ifelse(comp1, rgamma(length(E), 1.2, 0.4), rgamma(length(E), 6, 6))
N <- rpois(length(E), lambda * E)
keep <- which(N > 0)[seq_len(target)]
stopifnot(!anyNA(keep))
d <- data.frame(var1 = sprintf("D%05d", (seq_len(target) - 1) %/% 1000),
                var2 = sprintf("E%04d", (seq_len(target) - 1) %% 1000), N = N[keep], E = sprintf("%.17g", E[keep]))
write.csv(d, out, row.names = FALSE, quote = FALSE)
cat("pairs:", nrow(d), " N = 1:", sum(d$N == 1), " max N:", max(d$N), "\n")
