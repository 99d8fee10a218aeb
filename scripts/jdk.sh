# Sourced by ./nhssm and .ci/run: select_jdk exports JAVA_HOME and PATH for a JDK 21 or newer.
# JAVA_HOME is used if it qualifies; otherwise the oldest qualifying JDK found in the usual places,
# the closest to the Lambda java21 runtime. Fails with a clear message if there is none.

NHSSM_MIN_JAVA=21

# The major version of the java at $1 (8 for "1.8.0_392", 21 for "21.0.5"), or nothing.
java_major() {
  { "$1" -version 2>&1 || true; } \
    | sed -n 's/.*version "\([^"]*\)".*/\1/p' \
    | sed -E '1!d; s/^1\.//; s/^([0-9]+).*/\1/'
}

select_jdk() {
  local selected="" selected_major="" candidate major
  for candidate in ${JAVA_HOME:+"$JAVA_HOME"} /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(java_major "$candidate/bin/java")
    [[ "$major" =~ ^[0-9]+$ ]] && [ "$major" -ge "$NHSSM_MIN_JAVA" ] || continue
    if [ -n "${JAVA_HOME:-}" ] && [ "$candidate" = "$JAVA_HOME" ]; then
      selected=$candidate selected_major=$major
      break
    fi
    if [ -z "$selected" ] || [ "$major" -lt "$selected_major" ]; then
      selected=$candidate selected_major=$major
    fi
  done
  if [ -z "$selected" ]; then
    echo "error: nhssm needs a JDK ${NHSSM_MIN_JAVA} or newer, and none was found (looked at JAVA_HOME=${JAVA_HOME:-<unset>} and /usr/lib/jvm/*). Install one, or point JAVA_HOME at it." >&2
    return 1
  fi
  export JAVA_HOME="$selected"
  export PATH="$JAVA_HOME/bin:$PATH"
  NHSSM_JAVA_MAJOR=$selected_major
}
