import uvloop


def pytest_asyncio_loop_factories(config, item):
    # production runs the scheduler on uvloop; so do its tests
    return {"uvloop": uvloop.new_event_loop}
