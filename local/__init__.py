"""The docker-free local stack behind `make run`: the template's handlers on emulated AWS.

Never deployed.
"""
