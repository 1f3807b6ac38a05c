"""``python -m stance`` runs the command line."""

from stance.launch import main

main()
