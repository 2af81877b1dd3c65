"""Teach Wagtail the `card` image filter that share images are made with (see images.py)."""

from wagtail import hooks

from .images import CardOperation


@hooks.register("register_image_operations")
def register_card_operation():
    return [("card", CardOperation)]
