#!/usr/bin/env bash
# Answer-step tokens per scan for each answer strategy, over every sample, with and without a
# question, on the built-in simulator (instant). Prints one line per strategy and question.
#   tools/answer-tokens.sh
set -euo pipefail
cd "$(dirname "$0")/.."
question="라벨은 꼭 떼야 하나요?"
samples=(samples/*.png)
for strategy in llm hybrid template; do
  for asked in no yes; do
    for image in "${samples[@]}"; do
      args=(scan --image "$image" --json)
      [ "$asked" = yes ] && args+=(--question "$question")
      ECO_SCAN_SIMULATOR_SPEED=0 ECO_SCAN_ANSWER_STRATEGY="$strategy" ./eco-scan "${args[@]}" 2>/dev/null || true
    done | awk -v strategy="$strategy" -v asked="$asked" -v scans="${#samples[@]}" '
      /"step" : /          { gsub(/[",]/, "", $3); step = $3 }
      /"input_tokens" : /  { gsub(/,/, "", $3); input[step] += $3 }
      /"output_tokens" : / { gsub(/,/, "", $3); output[step] += $3; calls[step]++ }
      END {
        printf "%-8s question=%-3s scans=%d  answer calls=%d  answer tokens/scan: %.0f in, %.0f out  vision tokens/scan: %.0f in, %.0f out\n",
          strategy, asked, scans, calls["answer"], input["answer"] / scans, output["answer"] / scans,
          input["vision"] / scans, output["vision"] / scans
      }'
  done
done
