"""Every model of the three apps has a factory that saves a valid row."""

import inspect

import factory
import pytest
from django.apps import apps

from tests import factories

pytestmark = pytest.mark.django_db

FACTORIES = {
    f._meta.model: f
    for f in vars(factories).values()
    if inspect.isclass(f) and issubclass(f, factory.django.DjangoModelFactory) and f._meta.model
}


def test_every_model_of_the_apps_has_a_factory():
    models = {
        model
        for app in ("promises", "situation", "followup")
        for model in apps.get_app_config(app).get_models()
        if not model.__name__.startswith("Historical")
    }

    assert sorted(m.__name__ for m in models - FACTORIES.keys()) == []


@pytest.mark.parametrize("model", list(FACTORIES), ids=lambda m: m.__name__)
def test_each_factory_saves_a_valid_row(model):
    obj = FACTORIES[model]()

    obj.full_clean()
    assert model.objects.filter(pk=obj.pk).exists()
