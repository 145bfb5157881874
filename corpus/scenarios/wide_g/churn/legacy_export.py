"""Export job of the 2019 churn model, still used for the quarterly re-score."""


def quarterly_loader():
    from sklearn.externals import joblib

    return joblib.load
