library(jsonlite); library(haven); library(foreign)
res <- "../dataset-json/"
for (n in c("adtte")) {
  j <- fromJSON(paste0(res, n, ".json"), simplifyVector = FALSE)
  cols <- j$columns
  rows <- j$rows
  df <- list()
  for (k in seq_along(cols)) {
    c <- cols[[k]]
    v <- lapply(rows, function(r) r[[k]])
    isnull <- vapply(v, is.null, TRUE)
    if (c$dataType %in% c("integer", "float", "double", "decimal")) {
      x <- rep(NA_real_, length(v)); x[!isnull] <- as.numeric(unlist(v[!isnull]))
    } else if (c$dataType == "date") {
      x <- rep(as.Date(NA), length(v)); x[!isnull] <- as.Date(unlist(v[!isnull]))
    } else if (c$dataType == "datetime") {
      x <- rep(as.POSIXct(NA, tz = "UTC"), length(v)); x[!isnull] <- as.POSIXct(unlist(v[!isnull]), format = "%Y-%m-%dT%H:%M:%S", tz = "UTC")
    } else {
      x <- rep("", length(v)); x[!isnull] <- unlist(v[!isnull])
    }
    attr(x, "label") <- c$label
    if (!is.null(c$displayFormat)) attr(x, "format.sas") <- sub("\\.$", "", c$displayFormat)
    df[[c$name]] <- x
  }
  df <- as.data.frame(df, stringsAsFactors = FALSE)
  for (k in seq_along(cols)) attr(df[[k]], "label") <- cols[[k]]$label
  write_xpt(df, paste0(n, "-haven-v5.xpt"), version = 5, name = toupper(n), label = j$label)
  write_xpt(df, paste0(n, "-haven-v8.xpt"), version = 8, name = toupper(n), label = j$label)
}
