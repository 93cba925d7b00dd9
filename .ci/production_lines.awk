# Prints the production lines of Rust files as "FILE:LINE: TEXT", for the layering check
# in .ci/run: a `#[cfg(test)]` item (a module written inline, a function, a `use`, an
# impl) is left out to its end, by its braces, and the code after it is read on; a
# `#[cfg(test)] mod x;` declaration is left out (its file is a test file, named *tests.rs
# or test_support.rs, which .ci/run leaves out); comments are left out; a `use` written
# over several lines is printed as one line, at its first.
# With `-v tests=1`, every line but comments: the tests are printed too.
FNR == 1 { pending = 0; skip = 0; depth = 0; opened = 0; buf = "" }
function braces(s,   n, m) { n = gsub(/\{/, "{", s); m = gsub(/\}/, "}", s); if (n > 0) opened = 1; depth += n - m }
skip {
  braces($0)
  if (opened && depth <= 0) skip = 0
  next
}
pending {
  pending = 0
  depth = 0; opened = 0
  braces($0)
  if (!opened && $0 ~ /;[[:space:]]*$/) next
  if (opened && depth <= 0) next
  skip = 1
  next
}
!tests && /^[[:space:]]*#\[cfg\(test\)\]/ { pending = 1; next }
/^[[:space:]]*\/\// { next }
buf != "" {
  buf = buf " " $0
  if ($0 ~ /;/) { print buf; buf = "" }
  next
}
/^[[:space:]]*(pub(\([a-z]+\))? )?use / && !/;/ { buf = FILENAME ":" FNR ": " $0; next }
{ print FILENAME ":" FNR ": " $0 }
