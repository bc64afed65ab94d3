"""Writes: one service per business verb (HackSoft style); views, commands and tasks call these."""
