"""The docker-free local stack behind `make run`: the template's handlers on an emulated AWS. Never deployed."""
