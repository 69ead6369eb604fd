# Finds a JDK >= 21; sourced by ./cluman and ./run-tests.
#   find_java   prints the path of the java binary: JAVA_HOME's when it is 21 or newer, else the newest
#               /usr/lib/jvm/*/bin/java that is; exits with a message when there is none.
#   java_major  prints the feature version of a java binary (25 for "25.0.1", 8 for "1.8.0_402").
min_java=21

java_major() {
    local line version
    line="$("$1" -version 2>&1 | head -n 1)" || return 1
    version="$(sed -n 's/.*version "\([^"]*\)".*/\1/p' <<<"$line")"
    [[ -n "$version" ]] || { echo 0; return; }
    if [[ "$version" == 1.* ]]; then
        version="${version#1.}"
    fi
    echo "${version%%[.+-]*}"
}

find_java() {
    local candidate major best="" best_major=0
    if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
        major="$(java_major "$JAVA_HOME/bin/java" || echo 0)"
        if (( major >= min_java )); then
            echo "$JAVA_HOME/bin/java"
            return
        fi
    fi
    for candidate in /usr/lib/jvm/*/bin/java; do
        [[ -x "$candidate" ]] || continue
        major="$(java_major "$candidate" || echo 0)"
        if (( major >= min_java && major > best_major )); then
            best="$candidate"
            best_major="$major"
        fi
    done
    if [[ -z "$best" ]]; then
        echo "no JDK $min_java or newer found (looked at JAVA_HOME=${JAVA_HOME:-unset} and /usr/lib/jvm/*);" \
             "install one (e.g. a Temurin 21+ JDK) or point JAVA_HOME at it" >&2
        exit 1
    fi
    echo "$best"
}
