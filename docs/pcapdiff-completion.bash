# Bash tab completion for pcapdiff: asks pcapdiff itself through System.CommandLine's [suggest]
# directive (what the dotnet-suggest tool would call), and falls back to file names.
# Use: . docs/pcapdiff-completion.bash   (e.g. from ~/.bashrc)
_pcapdiff_complete() {
    local line="${COMP_LINE:0:COMP_POINT}"                # the command line up to the cursor
    line="${line#"${line%%[![:space:]]*}"}"
    line="${line#"$1"}"                                   # without the command itself
    line="${line#"${line%%[![:space:]]*}"}"
    local IFS=$'\n'
    COMPREPLY=($(compgen -W "$("$1" "[suggest:${#line}]" "$line" 2>/dev/null)" -- "$2"))
}
complete -o default -F _pcapdiff_complete pcapdiff
