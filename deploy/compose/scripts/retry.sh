# Sourced by the one-shot scripts. retry WHAT COMMAND...: runs COMMAND every 2 s until it
# succeeds; after 60 failures reports WHAT and exits.
retry() {
  what="$1"
  shift
  tries=0
  until "$@" >/dev/null 2>&1; do
    tries=$((tries + 1))
    if [ "$tries" -ge 60 ]; then
      echo "$what: no answer after $tries tries" >&2
      exit 1
    fi
    sleep 2
  done
}
